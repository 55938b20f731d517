using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class InstallReaderTests
{
    [Test]
    public void A_working_install_has_no_error_and_no_warning()
    {
        using var install = new CheckedInstall();
        install.WriteService("Hello.zcfg", "serviceType = Python", "serviceProvider = hello");
        install.Write("hello.py", "def Hello(conf, inputs, outputs):\n    return 3\n");

        var findings = install.Check();

        Assert.That(findings.Where(f => f.Severity != Severity.Notice).Select(FindingWriter.Line), Is.Empty);
    }

    [Test]
    public void A_missing_main_cfg_is_an_error_of_that_file()
    {
        using var install = new CheckedInstall();
        var missing = Path.Combine(install.Root, "nowhere", "main.cfg");

        var findings = new ConfigChecker(_ => Zoo.Core.Processes.RunnerCatalog.Empty, [])
            .CheckAsync(missing, new ProcessAccessRights(), true, CancellationToken.None).GetAwaiter().GetResult();

        Assert.That(findings.Select(FindingWriter.Line), Is.EqualTo(new[] { $"{missing}: error: does not exist" }));
    }

    [Test]
    public void Every_line_of_main_cfg_that_is_not_ini_is_reported_with_its_number()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg("just some words\n[identification\n=orphan"));

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:7: error: expected key=value, found \"just some words\""));
        Assert.That(lines, Does.Contain($"{install.MainCfg}:8: error: a section header must end with ']': [identification"));
        Assert.That(lines, Does.Contain($"{install.MainCfg}:9: error: a value without a key: \"=orphan\""));
    }

    [Test]
    public void The_lines_after_a_refused_one_are_still_checked()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg("not ini\nmaxInputs=none"));

        var lines = install.Lines();

        Assert.That(lines, Has.Some.StartsWith($"{install.MainCfg}:8: error: [main] maxInputs: must be a whole number from 1, found \"none\""));
    }

    [Test]
    public void Every_limit_that_is_not_a_number_is_reported_at_its_key()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg("maxXmlDepth=deep\nfetchTimeout=-1\n[python]\ntimeout=0\n[otb]\ntimeout=soon"));

        var places = install.Check().Where(f => f.Severity == Severity.Error).Select(f => f.Place).ToList();

        Assert.That(places, Is.EqualTo(new[]
        {
            new Place(install.MainCfg, 7, "main", "maxXmlDepth"),
            new Place(install.MainCfg, 8, "main", "fetchTimeout"),
            new Place(install.MainCfg, 10, "python", "timeout"),
            new Place(install.MainCfg, 12, "otb", "timeout"),
        }));
    }

    [Test]
    public void A_zcfg_that_does_not_parse_is_reported_at_the_line_the_parser_refuses()
    {
        using var install = new CheckedInstall();
        var file = install.Write("Broken.zcfg", "[Broken]\n Title = Broken\n serviceType = Python\n <DataOutputs>\n  [Result]\n   what is this\n </DataOutputs>\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{file}:6: error: unexpected \"what is this\": the service fails in every request that names it"));
    }

    [Test]
    public void The_zcfg_of_a_namespace_directory_is_checked_too()
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("ns/Inner.zcfg", "serviceType = Cobol");

        var places = install.Check().Select(f => f.Place);

        Assert.That(places, Does.Contain(new Place(file, 3, null, "serviceType")));
    }

    [Test]
    public void A_servicePath_that_does_not_exist_is_an_error_at_its_key()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg($"servicePath={install.Root}/services"));

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:7: error: [main] servicePath: {install.Root}/services does not exist: the kernel offers no service"));
    }

    [Test]
    public void An_include_entry_naming_no_file_is_an_error_at_its_key()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg($"[include]\nGone={install.Root}/gone/Gone.zcfg"));

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:8: error: [include] Gone: {install.Root}/gone/Gone.zcfg does not exist: the service is not offered"));
    }

    [Test]
    public void A_main_cfg_the_web_server_user_cannot_read_is_an_error()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg());
        File.SetUnixFileMode(install.MainCfg, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var lines = install.Lines(new UserAccessRights(Accounts.Stranger));

        Assert.That(lines, Does.Contain($"{install.MainCfg}: error: stranger cannot read it: the kernel answers every request with an error"));
    }
}
