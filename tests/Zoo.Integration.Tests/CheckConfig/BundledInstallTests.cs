using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.CheckConfig;

/// <summary>
/// The bundled install (a copy of dist/cgi-bin: both CGIs and cgi-env, tmpPath and cacheDir inside the copy) checked by
/// its own zoo_loader.cgi, which finds the main.cfg beside it: offline, and online with the copy served by serve.sh
/// (nginx) and its HPC sections reaching the test cluster. Its key and known_hosts are the test cluster's, so both need
/// the cluster's files.
/// </summary>
[TestFixture]
public sealed class BundledInstallTests
{
    private static string EmptyDirectory() => Directory.CreateTempSubdirectory("zoo-check-cwd-").FullName;

    [Test]
    public void The_bundled_install_passes_offline_with_exit_0()
    {
        ClusterEnvironment.Require();
        using var dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        var cwd = EmptyDirectory();
        try
        {
            var run = CheckConfigRun.Start(["--offline", "--json"], cwd, Path.Combine(dist.Path, "zoo_loader.cgi"));

            Assert.That(run.Findings.Where(f => f.Severity != "notice"), Is.Empty, run.StandardOutput);
            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        }
        finally
        {
            Directory.Delete(cwd, recursive: true);
        }
    }

    [Test]
    public void Without_an_argument_the_main_cfg_beside_the_executable_is_checked()
    {
        using var dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        dist.SetConfig("main", "maxInputs", "none");
        var cwd = EmptyDirectory();
        try
        {
            var run = CheckConfigRun.Start(["--offline", "--json"], cwd, Path.Combine(dist.Path, "zoo_loader.cgi"));

            Assert.That(run.Findings.Where(f => f.Key == "maxInputs").Select(f => f.File), Is.EqualTo(new[] { Path.Combine(dist.Path, "main.cfg") }));
        }
        finally
        {
            Directory.Delete(cwd, recursive: true);
        }
    }

    [Test]
    public void Without_an_argument_the_main_cfg_of_the_working_directory_comes_first()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("main", "maxInputs", "none");

        var run = CheckConfigRun.Start(["--offline", "--json"], copy.Root);

        Assert.That(run.Findings.Where(f => f.Key == "maxInputs").Select(f => f.File), Is.EqualTo(new[] { copy.MainCfg }));
    }

    [Test]
    [Category("Cluster")]
    public void The_bundled_install_served_by_nginx_passes_online_against_the_test_cluster()
    {
        ClusterEnvironment.Require();
        using var dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        dist.SetConfig("main", "dataPath", Path.Combine(dist.Path, "data"));
        using var server = ServeScript.Start(dist.Path);
        dist.SetConfig("main", "serverAddress", $"http://127.0.0.1:{server.Port}/cgi-bin/zoo_loader.cgi");
        dist.SetConfig("main", "tmpUrl", $"http://127.0.0.1:{server.Port}/temp/");

        var run = CheckConfigRun.Start(["--json"], dist.Path, Path.Combine(dist.Path, "zoo_loader.cgi"));

        Assert.That(run.Findings.Where(f => f.Severity != "notice"), Is.Empty, run.StandardOutput);
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
    }

    [Test]
    [Category("Cluster")]
    public void A_tmpUrl_served_from_another_directory_than_tmpPath_is_an_error()
    {
        ClusterEnvironment.Require();
        using var dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        dist.SetConfig("main", "dataPath", Path.Combine(dist.Path, "data"));
        using var server = ServeScript.Start(dist.Path);
        dist.SetConfig("main", "serverAddress", $"http://127.0.0.1:{server.Port}/cgi-bin/zoo_loader.cgi");
        dist.SetConfig("main", "tmpUrl", $"http://127.0.0.1:{server.Port}/temp/");
        // nginx keeps serving the directory it was started with: /temp/ no longer shows tmpPath.
        Directory.CreateDirectory(Path.Combine(dist.Path, "tmp2"));
        dist.SetConfig("main", "tmpPath", Path.Combine(dist.Path, "tmp2"));

        var run = CheckConfigRun.Start(["--json"], dist.Path, Path.Combine(dist.Path, "zoo_loader.cgi"));

        var tmpUrl = run.Findings.Where(f => f.Key == "tmpUrl").ToList();
        Assert.That(tmpUrl.Select(f => (f.Line, f.Severity)),
            Is.EqualTo(new[] { ((int?)File.ReadAllLines(Path.Combine(dist.Path, "main.cfg")).ToList().FindIndex(l => l.StartsWith("tmpUrl=", StringComparison.Ordinal)) + 1, "error") }),
            run.StandardOutput);
        Assert.That(tmpUrl[0].Message, Does.StartWith("does not serve tmpPath: GET http://127.0.0.1:").And.Contain("answered 404"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }
}
