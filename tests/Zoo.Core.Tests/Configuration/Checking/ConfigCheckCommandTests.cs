using System.Text;
using Zoo.Core.Configuration.Checking;
using Zoo.Core.Processes;

namespace Zoo.Core.Tests.Configuration.Checking;

public class ConfigCheckCommandTests
{
    private static (int ExitCode, string Output, string Log) Run(params string[] arguments)
    {
        using var output = new MemoryStream();
        var log = new StringWriter();
        var exitCode = ConfigCheckCommand.RunAsync(arguments, _ => RunnerCatalog.Empty, [], output, log).GetAwaiter().GetResult();
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()), log.ToString());
    }

    [Test]
    public void An_install_with_only_warnings_and_notices_exits_with_0()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg().Replace("http://wps.example.org/temp/", "http://elsewhere.example.org/temp/"));

        var (exitCode, output, _) = Run(install.MainCfg, "--offline");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("warning: [main] tmpUrl"));
    }

    [Test]
    public void An_install_with_an_error_exits_with_1()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg("maxInputs=many"));

        var (exitCode, _, _) = Run(install.MainCfg, "--offline");

        Assert.That(exitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_usage_error_exits_with_2_and_prints_the_usage()
    {
        var (exitCode, output, log) = Run("--frobnicate");

        Assert.That((exitCode, output), Is.EqualTo((2, "")));
        Assert.That(log, Does.StartWith("zoo_loader.cgi --check-config: unknown option --frobnicate"));
    }

    [Test]
    public void An_unknown_user_is_a_usage_error()
    {
        var (exitCode, _, log) = Run("--user", "no-such-user-of-the-tests");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(log, Does.StartWith("zoo_loader.cgi --check-config: no user no-such-user-of-the-tests in /etc/passwd"));
    }

    [Test]
    public void The_help_documents_the_exit_codes()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("Exit status: 0 the install would work").And.Contain("1 it would not").And.Contain("2 usage error"));
    }

    [Test]
    public void Json_is_written_when_asked_for()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg());

        var (_, output, _) = Run(install.MainCfg, "--offline", "--json");

        Assert.That(System.Text.Json.JsonDocument.Parse(output).RootElement.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Array));
    }
}
