namespace Zoo.Core.Tests.Configuration.Checking;

public class ServiceTypesCheckTests
{
    [Test]
    public void An_unknown_serviceType_is_an_error_at_its_line_naming_the_known_ones()
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("Old.zcfg", "serviceProvider = old.so", "serviceType = Java");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{file}:4: error: serviceType: Java is not a serviceType this kernel runs (Python, C, OTB): every Execute of the service fails"));
    }

    [Test]
    public void ServiceTypes_are_matched_without_regard_to_case()
    {
        using var install = new CheckedInstall();
        install.WriteService("Local.zcfg", "serviceType = otb", "serviceProvider = BandMath");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("Local.zcfg"));
    }

    [Test]
    public void A_service_without_serviceType_is_an_error_at_its_name()
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("Untyped.zcfg", "serviceProvider = untyped");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{file}:1: error: serviceType: is missing: no runtime runs the service (this kernel runs Python, C, OTB)"));
    }

    [TestCase("Python", "../elsewhere")]
    [TestCase("C", "/usr/lib/evil.zo")]
    [TestCase("OTB", "sub/BandMath")]
    public void A_serviceProvider_that_is_a_path_is_an_error_at_its_line(string type, string provider)
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("Escape.zcfg", $"serviceType = {type}", $"serviceProvider = {provider}");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{file}:4: error: serviceProvider: {provider} must be a plain name, without '/' or '..'"));
    }

    [Test]
    public void The_serviceProvider_of_a_runtime_Zoo_Core_does_not_know_is_left_to_its_own_check()
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("Remote.zcfg", "serviceType = Python", "serviceProvider = remote");
        install.Write("remote.py", "");
        install.WriteService("Cluster.zcfg", "serviceType = Slurm", "serviceProvider = /opt/bin/otbcli_BandMath");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("must be a plain name"));
        Assert.That(lines, Has.None.Contains(file));
    }
}
