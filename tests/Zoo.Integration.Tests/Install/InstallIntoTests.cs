using System.Diagnostics;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Install;

/// <summary>
/// <c>build.sh --install-into</c>'s step (scripts/install-into.sh) on a copy of a ZOO install laid out as ZOO's docs
/// lay it out: one cgi-bin with zoo_loader.cgi, main.cfg and the services beside them. The install keeps the
/// operator's files, keeps the old kernel, and a rollback leaves the directory exactly as it was.
/// </summary>
[TestFixture]
public sealed class InstallIntoTests
{
    private const string OldKernel = "#!/bin/sh\necho 'the original ZOO-Kernel'\n";
    private static readonly string OperatorsFinalizeHpc1 = File.ReadAllText(Path.Combine(RepositoryPaths.CgiEnv, "FinalizeHPC1.zcfg"))
        .Replace(" Title = Finalize an HPC job", " Title = The operator's own title", StringComparison.Ordinal);

    private ServiceDirectory _install = null!;

    private string Target => _install.Path;

    [SetUp]
    public void LayOutAZooInstall()
    {
        _install = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        File.WriteAllText(Path.Combine(Target, "zoo_loader.cgi"), OldKernel);
        foreach (var builtIn in new[] { "FinalizeHPC.zcfg", "DeleteData.zcfg", "DeployOnHpc.zcfg" })
            File.Delete(Path.Combine(Target, builtIn));
        File.WriteAllText(Path.Combine(Target, "FinalizeHPC1.zcfg"), OperatorsFinalizeHpc1);
        foreach (var path in new[] { "tmpPath", "dataPath" })
            _install.SetConfig("main", path, Path.Combine(Target, "tmp"));
    }

    [TearDown]
    public void RemoveInstall() => _install.Dispose();

    private static (int ExitCode, string Output) Script(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "install-into.sh"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private (int ExitCode, string Output) Install() => Script(RepositoryPaths.Dist, Target);

    [Test]
    public void The_install_puts_this_kernel_in_place_and_it_answers()
    {
        var (exitCode, output) = Install();
        var capabilities = CgiProcess.Get(Target, "service=WPS&request=GetCapabilities&version=1.0.0");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(capabilities.Text, Does.Contain("HelloPy"));
    }

    [Test]
    public void The_old_kernel_is_kept_as_orig()
    {
        Install();

        Assert.That(File.ReadAllText(Path.Combine(Target, "zoo_loader.cgi.orig")), Is.EqualTo(OldKernel));
    }

    [Test]
    public void The_operators_configuration_and_services_are_left_as_they_were()
    {
        var before = DirectorySnapshot.Take(Target, path => !Path.GetFileName(path).StartsWith("zoo_loader.cgi", StringComparison.Ordinal));

        Install();
        var after = DirectorySnapshot.Take(Target, path => before.Any(entry => entry.StartsWith(Path.GetRelativePath(Target, path) + " ", StringComparison.Ordinal)));

        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public void A_built_in_service_is_added_only_where_absent()
    {
        Install();

        Assert.That(File.Exists(Path.Combine(Target, "FinalizeHPC.zcfg")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(Target, "FinalizeHPC1.zcfg")), Is.EqualTo(OperatorsFinalizeHpc1));
    }

    [Test]
    public void The_install_says_how_to_roll_back() => Assert.That(Install().Output, Does.Contain("--rollback " + Target));

    [Test]
    public void A_rollback_leaves_the_directory_exactly_as_it_was()
    {
        var before = DirectorySnapshot.Take(Target);

        Install();
        var (exitCode, output) = Script("--rollback", Target);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(DirectorySnapshot.Take(Target), Is.EqualTo(before));
    }

    [Test]
    public void A_directory_without_main_cfg_is_refused()
    {
        File.Delete(Path.Combine(Target, "main.cfg"));

        Assert.That(Install().ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(Target, "zoo_loader.cgi")), Is.EqualTo(OldKernel));
    }

    [Test]
    public void A_second_install_without_a_rollback_is_refused()
    {
        Install();

        Assert.That(Install().ExitCode, Is.EqualTo(1));
    }
}
