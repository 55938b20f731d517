using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.CheckConfig;

/// <summary>
/// One broken install per kind of problem, each checked by the published zoo_loader.cgi: the problem is reported at its
/// file, line and key, with its severity, and the exit status says whether the install would work (0) or not (1).
/// Expected lines are read from the broken files as an editor shows them.
/// </summary>
[TestFixture]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BrokenInstallTests
{
    private static JsonFinding Single(CheckConfigRun run, string file, string? key)
    {
        // A finding of a line: not the notice about the user the check runs as, which is the whole file's.
        var findings = run.Findings.Where(f => f.File == file && f.Key == key && f.Line is not null).ToList();
        Assert.That(findings, Has.Count.EqualTo(1), run.StandardOutput);
        return findings[0];
    }

    private static void AssertReported(CheckConfigRun run, int exitCode, string file, int line, string? section, string? key, string severity)
    {
        var finding = Single(run, file, key);
        Assert.Multiple(() =>
        {
            Assert.That((finding.File, finding.Line, finding.Section, finding.Key, finding.Severity), Is.EqualTo((file, (int?)line, section, key, severity)),
                run.StandardOutput);
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.StandardOutput + run.StandardError);
        });
    }

    [Test]
    public void The_copy_every_broken_install_starts_from_passes()
    {
        using var copy = CheckedCopy.Create();

        var run = copy.Check("--offline", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardOutput);
        Assert.That(run.Findings.Where(f => f.Severity != "notice"), Is.Empty);
    }

    [Test]
    public void A_main_cfg_line_that_is_not_ini()
    {
        using var copy = CheckedCopy.Create();
        File.WriteAllText(copy.MainCfg, File.ReadAllText(copy.MainCfg).Replace("[identification]\n", "[identification]\nthis line has no equals sign\n"));

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "this line has no"), null, null, "error");
    }

    [Test]
    public void A_limit_that_is_not_a_number()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("main", "maxInputs", "plenty");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "maxInputs="), "main", "maxInputs", "error");
    }

    [Test]
    public void A_zcfg_that_does_not_parse()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.Write("Broken.zcfg", "[Broken]\n Title = Broken\n serviceType = Python\n <DataInputs>\n  [a]\n   Title = a\n   minOccurs 1\n </DataInputs>\n");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, Path.Combine(copy.Root, "Broken.zcfg"), copy.LineOf("Broken.zcfg", "minOccurs 1"), null, null, "error");
    }

    [Test]
    public void An_unknown_serviceType()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.Write("Legacy.zcfg", File.ReadAllText(Path.Combine(copy.Root, "HelloPy.zcfg")).Replace("[HelloPy]", "[Legacy]").Replace("serviceType = Python", "serviceType = Mono"));

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, Path.Combine(copy.Root, "Legacy.zcfg"), copy.LineOf("Legacy.zcfg", "serviceType"), null, "serviceType", "error");
    }

    [Test]
    public void A_Python_service_whose_module_is_missing()
    {
        using var copy = CheckedCopy.Create();
        var provider = File.ReadAllLines(Path.Combine(copy.Root, "HelloPy.zcfg")).Single(l => l.Trim().StartsWith("serviceProvider", StringComparison.Ordinal)).Split('=')[1].Trim();
        File.Delete(Path.Combine(copy.Root, provider.EndsWith(".py", StringComparison.Ordinal) ? provider : provider + ".py"));

        var run = copy.Check("--offline", "--json");

        Assert.That(run.Findings.Where(f => f.Key == "serviceProvider").Select(f => f.File), Does.Contain(Path.Combine(copy.Root, "HelloPy.zcfg")), run.StandardOutput);
        Assert.That(run.Findings.Single(f => f.File.EndsWith("/HelloPy.zcfg", StringComparison.Ordinal)).Line,
            Is.EqualTo(copy.LineOf("HelloPy.zcfg", "serviceProvider")));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_serviceProvider_that_leaves_the_service_directory()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.Write("Escape.zcfg", File.ReadAllText(Path.Combine(copy.Root, "HelloPy.zcfg")).Replace("[HelloPy]", "[Escape]")
            .Replace(File.ReadAllLines(Path.Combine(copy.Root, "HelloPy.zcfg")).Single(l => l.Trim().StartsWith("serviceProvider", StringComparison.Ordinal)),
                " serviceProvider = ../../outside"));

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, Path.Combine(copy.Root, "Escape.zcfg"), copy.LineOf("Escape.zcfg", "serviceProvider"), null, "serviceProvider", "error");
    }

    [Test]
    public void A_missing_required_HPC_key()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.RemoveConfig("hpc-config-preview", "ssh_host");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "[hpc-config-preview]"), "hpc-config-preview", "ssh_host", "error");
    }

    [Test]
    public void A_misspelt_HPC_key_is_a_warning_only()
    {
        using var copy = CheckedCopy.Create();
        foreach (var section in CheckedCopy.HpcSections)
            copy.RenameKey(section, "ssh_connect_timeout", "ssh_conect_timeout");

        var run = copy.Check("--offline", "--json");

        Assert.That(run.Findings.Where(f => f.Key == "ssh_conect_timeout").Select(f => (f.Line, f.Section, f.Severity)), Is.EqualTo(new[]
        {
            ((int?)copy.LineOf("main.cfg", "ssh_conect_timeout"), "hpc-config-preview", "warning"),
            (copy.LineOf("main.cfg", "ssh_conect_timeout", "[hpc-config-fullres]"), "hpc-config-fullres", "warning"),
        }), run.StandardOutput);
        Assert.That(run.Findings.First(f => f.Key == "ssh_conect_timeout").Message, Does.Contain("most likely ssh_connect_timeout misspelt"));
        Assert.That(run.ExitCode, Is.Zero);
    }

    [Test]
    public void ZOO_misspelling_of_the_persistent_data_path_is_accepted_and_named()
    {
        using var copy = CheckedCopy.Create();
        copy.RenameKey("hpc-config-fullres", "remote_persistent_data_path", "remote_persitent_data_path");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 0, copy.MainCfg, copy.LineOf("main.cfg", "remote_persitent_data_path"), "hpc-config-fullres", "remote_persitent_data_path", "notice");
    }

    [Test]
    public void A_missing_job_script_footer()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("hpc-config-fullres", "jobscript_footer", "no_such_footer.sh");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "jobscript_footer=no_such"), "hpc-config-fullres", "jobscript_footer", "error");
    }

    [Test]
    public void A_confId_naming_no_section()
    {
        using var copy = CheckedCopy.Create();
        var service = Directory.EnumerateFiles(Path.Combine(copy.Root, "hpc"), "*.zcfg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var relative = Path.GetRelativePath(copy.Root, service);
        File.WriteAllText(service, File.ReadAllText(service).Replace("confId = HPC\n", "confId = HPC_nowhere\n"));

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, service, copy.LineOf(relative, "confId"), null, "confId", "error");
    }

    [Test]
    public void A_tmpPath_that_does_not_exist()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("main", "tmpPath", Path.Combine(copy.Root, "no-tmp"));

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "tmpPath="), "main", "tmpPath", "error");
    }

    [Test]
    public void A_tmpPath_the_web_server_user_cannot_write_in()
    {
        using var copy = CheckedCopy.Create();
        File.SetUnixFileMode(copy.Root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(copy.Services.TmpPath, (UnixFileMode)0b111_101_101);
        copy.Services.SetConfig("main", "cacheDir", Path.Combine(copy.Root, "data"));
        File.SetUnixFileMode(Path.Combine(copy.Root, "data"), (UnixFileMode)0b111_111_111);

        var run = copy.Check("--offline", "--json", "--user", "nobody");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "tmpPath="), "main", "tmpPath", "error");
        Assert.That(Single(run, copy.MainCfg, "tmpPath").Message, Is.EqualTo($"nobody cannot write in {copy.Services.TmpPath}"));
    }

    [Test]
    public void A_tmpUrl_that_is_not_http()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("main", "tmpUrl", "ftp://127.0.0.1/temp/");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "tmpUrl="), "main", "tmpUrl", "error");
    }

    [Test]
    public void A_tmpUrl_on_another_host_than_the_service_is_a_warning_only()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("main", "tmpUrl", "http://files.example.org/temp/");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 0, copy.MainCfg, copy.LineOf("main.cfg", "tmpUrl="), "main", "tmpUrl", "warning");
    }

    [Test]
    public void An_oas_cfg_line_that_is_not_ini()
    {
        using var copy = CheckedCopy.Create();
        File.AppendAllText(Path.Combine(copy.Root, "oas.cfg"), "\n[extra]\nnothing to see here\n");

        var run = copy.Check("--offline", "--json");

        AssertReported(run, 1, Path.Combine(copy.Root, "oas.cfg"), copy.LineOf("oas.cfg", "nothing to see"), null, null, "error");
    }

    [Test]
    public void An_unreachable_SSH_host()
    {
        using var copy = CheckedCopy.Create();
        copy.GenerateKey();
        copy.Services.SetConfig("hpc-config-preview", "ssh_port", "1");

        var run = copy.Check("--json");

        AssertReported(run, 1, copy.MainCfg, copy.LineOf("main.cfg", "ssh_host=", "[hpc-config-preview]"), "hpc-config-preview", "ssh_host", "error");
        Assert.That(Single(run, copy.MainCfg, "ssh_host").Message, Does.StartWith("SSH hpcuser@127.0.0.1:1: cannot connect"));
    }

    [Test]
    public void The_text_output_names_file_line_severity_and_key_one_finding_a_line()
    {
        using var copy = CheckedCopy.Create();
        copy.Services.SetConfig("main", "maxOutputs", "0");

        var run = copy.Check("--offline");

        Assert.That(run.StandardOutput.Split('\n'), Does.Contain(
            $"{copy.MainCfg}:{copy.LineOf("main.cfg", "maxOutputs=")}: error: [main] maxOutputs: must be a whole number from 1, found \"0\": "
            + "the kernel answers every request with an error"));
        Assert.That(run.StandardOutput.TrimEnd().Split('\n')[^1], Does.StartWith("1 error, ").And.EndWith(": the install would not work"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_usage_error_exits_with_2()
    {
        var run = CheckConfigRun.Start(["--no-such-option"]);

        Assert.That((run.ExitCode, run.StandardOutput), Is.EqualTo((2, "")));
        Assert.That(run.StandardError, Does.Contain("usage: zoo_loader.cgi --check-config"));
    }
}
