namespace Zoo.Core.Tests.Configuration.Checking;

public class UrlsCheckTests
{
    private static IReadOnlyList<string> LinesWith(CheckedInstall install, string serverAddress, string tmpUrl)
    {
        install.WriteMain($"[main]\ntmpPath={install.TmpPath}\ncacheDir={install.CacheDir}\nserverAddress={serverAddress}\ntmpUrl={tmpUrl}\n");
        return install.Lines();
    }

    [Test]
    public void Without_tmpUrl_the_install_does_not_work()
    {
        using var install = new CheckedInstall();
        install.WriteMain($"[main]\ntmpPath={install.TmpPath}\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:1: error: [main] tmpUrl: is missing: "
                                        + "references to outputs and the status locations of asynchronous jobs are built from it"));
    }

    [Test]
    public void A_tmpUrl_that_is_not_http_is_an_error()
    {
        using var install = new CheckedInstall();

        var lines = LinesWith(install, "http://wps.example.org/cgi-bin/zoo_loader.cgi", "ftp://wps.example.org/temp/");

        Assert.That(lines, Does.Contain($"{install.MainCfg}:5: error: [main] tmpUrl: ftp://wps.example.org/temp/ must be an http or https URL"));
    }

    [Test]
    public void A_relative_tmpUrl_is_a_warning()
    {
        using var install = new CheckedInstall();

        var lines = LinesWith(install, "http://wps.example.org/cgi-bin/zoo_loader.cgi", "/temp/");

        Assert.That(lines, Has.Some.StartsWith($"{install.MainCfg}:5: warning: [main] tmpUrl: /temp/ is not an absolute URL"));
    }

    [Test]
    public void A_tmpUrl_on_another_host_than_serverAddress_is_a_warning()
    {
        using var install = new CheckedInstall();

        var lines = LinesWith(install, "http://wps.example.org/cgi-bin/zoo_loader.cgi", "http://localhost/temp/");

        Assert.That(lines, Does.Contain($"{install.MainCfg}:5: warning: [main] tmpUrl: its host localhost is not serverAddress's host wps.example.org: "
                                        + "clients of this service must reach both"));
    }

    [Test]
    public void A_tmpUrl_on_the_host_of_serverAddress_is_fine()
    {
        using var install = new CheckedInstall();

        var lines = LinesWith(install, "https://WPS.example.org/cgi-bin/zoo_loader.cgi", "https://wps.example.org/temp/");

        Assert.That(lines, Has.None.Contains("tmpUrl").And.None.Contains("serverAddress"));
    }

    [Test]
    public void A_serverAddress_that_is_not_a_url_is_an_error()
    {
        using var install = new CheckedInstall();

        var lines = LinesWith(install, "http://wps example org", "http://wps.example.org/temp/");

        Assert.That(lines, Has.Some.StartsWith($"{install.MainCfg}:4: error: [main] serverAddress: http://wps example org"));
    }
}
