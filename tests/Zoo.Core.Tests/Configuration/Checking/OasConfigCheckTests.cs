namespace Zoo.Core.Tests.Configuration.Checking;

public class OasConfigCheckTests
{
    [Test]
    public void Without_oas_cfg_the_OGC_API_is_said_to_answer_errors()
    {
        using var install = new CheckedInstall();

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.Root}/oas.cfg: notice: does not exist: "
                                        + "the OGC API - Processes answers every request with an error (WPS is not concerned)"));
    }

    [Test]
    public void A_line_of_oas_cfg_that_is_not_ini_is_an_error_at_its_line()
    {
        using var install = new CheckedInstall();
        install.Write("oas.cfg", "[openapi]\nrootUrl=http://wps.example.org/ogc-api\nlinks /,/api\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.Root}/oas.cfg:3: error: expected key=value, found \"links /,/api\""));
    }

    [Test]
    public void A_rootUrl_that_is_not_http_is_an_error_at_its_line()
    {
        using var install = new CheckedInstall();
        install.Write("oas.cfg", "[openapi]\nlinks=/\nrootUrl=wps.example.org/ogc-api\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.Root}/oas.cfg:3: error: [openapi] rootUrl: every link of the API would start with "
                                        + "wps.example.org/ogc-api, which is not an absolute http or https URL"));
    }

    [Test]
    public void RootHost_and_rootPath_replace_rootUrl()
    {
        using var install = new CheckedInstall();
        install.Write("oas.cfg", "[openapi]\nrootUrl=nonsense\nrootHost=https://wps.example.org\nrootPath=ogc-api\n");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("oas.cfg"));
    }

    [Test]
    public void Without_rootUrl_the_links_go_to_localhost_and_that_is_a_warning()
    {
        using var install = new CheckedInstall();
        install.Write("oas.cfg", "[openapi]\nlinks=/\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.Root}/oas.cfg:1: warning: [openapi] rootUrl: is not set: every link of the API starts with http://localhost/ogc-api"));
    }
}
