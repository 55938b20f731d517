using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Tests.Settings;

/// <summary>
/// The HPC sample shipped in cgi-env/: main.cfg's [HPC] section and its two configurations for the
/// local test cluster (../shared/infra), the jobscript files they name, and the hpc/*.zcfg services.
/// </summary>
public class BundledHpcConfigurationTests
{
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZooKernel.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no ZooKernel.sln above {TestContext.CurrentContext.TestDirectory}");
    }

    private static string CgiEnv => Path.Combine(RepositoryRoot(), "cgi-env");

    private static MainConfig BundledMainConfig() => MainConfig.Load(Path.Combine(CgiEnv, "main.cfg"));

    private static IEnumerable<TestCaseData> HpcServiceFiles()
    {
        var root = Path.Combine(CgiEnv, "hpc");
        return Directory.EnumerateFiles(root, "*.zcfg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetRelativePath(root, path)));
    }

    [Test]
    public void The_bundled_main_cfg_gives_both_configurations_of_the_test_cluster()
    {
        var settings = HpcSettings.Load(BundledMainConfig());

        Assert.Multiple(() =>
        {
            Assert.That(settings.ConfId, Is.EqualTo("HPC"));
            Assert.That(settings.Thresholds, Is.EqualTo(new PreviewThresholds(820800, 100000)));
            Assert.That(settings.Preview.SectionName, Is.EqualTo("hpc-config-preview"));
            Assert.That(settings.Fullres.SectionName, Is.EqualTo("hpc-config-fullres"));
            foreach (var configuration in new[] { settings.Preview, settings.Fullres })
            {
                var name = configuration.SectionName;
                Assert.That(configuration.Ssh.Host, Is.EqualTo("127.0.0.1"), name);
                Assert.That(configuration.Ssh.Port, Is.EqualTo(2222), name);
                Assert.That(configuration.Ssh.User, Is.EqualTo("hpcuser"), name);
                Assert.That(configuration.Ssh.Credentials, Is.EqualTo(
                    new KeyFileCredentials("/tmp/zoo-slurm/ssh/id_ed25519", "/tmp/zoo-slurm/ssh/id_ed25519.pub")), name);
                Assert.That(configuration.Ssh.HostKey, Is.EqualTo(new HostKeyVerification("/tmp/zoo-slurm/ssh/known_hosts", null)), name);
                Assert.That(configuration.RemoteDataPath, Is.EqualTo("/home/hpcuser/zoo/data"), name);
                Assert.That(configuration.RemotePersistentDataPath, Is.EqualTo("/home/hpcuser/zoo/shared"), name);
                Assert.That(configuration.RemoteWorkPath, Is.EqualTo("/home/hpcuser/zoo/work"), name);
                Assert.That(configuration.SbatchSubstr, Is.EqualTo("Submitted batch job"), name);
                Assert.That(configuration.RemoteCommandOpt, Does.StartWith("JobID%30,").And.Contain("State%30"), name);
            }
        });
    }

    [Test]
    public void Preview_asks_the_cluster_for_less_than_fullres()
    {
        var settings = HpcSettings.Load(BundledMainConfig());

        Assert.Multiple(() =>
        {
            Assert.That(settings.Preview.SbatchOptions, Is.EqualTo(new[]
            {
                new SbatchOption("chdir", "/home/hpcuser/zoo/work"),
                new SbatchOption("partition", "debug"),
                new SbatchOption("ntasks", "1"),
                new SbatchOption("cpus-per-task", "1"),
                new SbatchOption("time", "00:10:00"),
                new SbatchOption("mail-type", "END,FAIL"),
            }));
            Assert.That(settings.Fullres.SbatchOptions, Is.EqualTo(new[]
            {
                new SbatchOption("chdir", "/home/hpcuser/zoo/work"),
                new SbatchOption("partition", "debug"),
                new SbatchOption("ntasks", "1"),
                new SbatchOption("cpus-per-task", "2"),
                new SbatchOption("time", "01:00:00"),
                new SbatchOption("mail-type", "END,FAIL"),
            }));
            Assert.That(settings.Preview.BillingNbCpu, Is.EqualTo("1"));
            Assert.That(settings.Fullres.BillingNbCpu, Is.EqualTo("2"));
        });
    }

    [Test]
    public void The_jobscript_files_named_are_the_ones_shipped_beside_main_cfg()
    {
        var settings = HpcSettings.Load(BundledMainConfig());

        Assert.Multiple(() =>
        {
            foreach (var files in new[] { settings.Preview.JobScript, settings.Fullres.JobScript })
            {
                Assert.That(files.Header, Does.Exist);
                Assert.That(files.Body, Does.Exist);
                Assert.That(files.Footer, Does.Exist);
                Assert.That(Path.GetDirectoryName(files.Header), Is.EqualTo(CgiEnv));
            }
        });
    }

    [Test]
    public void The_jobscript_header_holds_no_command_that_would_end_the_sbatch_options()
    {
        var settings = HpcSettings.Load(BundledMainConfig());
        var header = File.ReadAllLines(Path.Combine(CgiEnv, Path.GetFileName(settings.Preview.JobScript.Header!)));

        Assert.That(header[0], Is.EqualTo("#!/bin/bash"));
        Assert.That(header.Where(l => l.Trim().Length > 0), Has.All.StartsWith("#"));
    }

    [Test]
    public void The_sample_has_hpc_services()
    {
        Assert.That(HpcServiceFiles().Count(), Is.GreaterThanOrEqualTo(3));
    }

    [TestCaseSource(nameof(HpcServiceFiles))]
    public void An_hpc_sample_service_parses_as_an_HPC_service_with_a_configured_confId(string path)
    {
        var process = ZcfgParser.ReadFile(path);
        var service = HpcService.From(process);

        Assert.Multiple(() =>
        {
            Assert.That(process.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(path)));
            Assert.That(process.ServiceType, Is.EqualTo("HPC"));
            Assert.That(process.Keys["storeSupported"], Is.EqualTo("true"));
            Assert.That(process.Keys["statusSupported"], Is.EqualTo("true"));
            Assert.That(service.Command, Is.EqualTo(new[] { "otbcli_" + process.Name }));
            Assert.That(() => HpcSettings.Load(BundledMainConfig(), service.ConfId), Throws.Nothing);
            Assert.That(process.Inputs, Is.Not.Empty);
            Assert.That(process.Outputs, Is.Not.Empty.And.All.Matches<IoDescription>(o => o != null && o.Data != null && o.Data.Kind == DataKind.Complex));
        });
    }

    [TestCaseSource(nameof(HpcServiceFiles))]
    public void A_pixel_type_input_named_like_an_image_output_is_optional_and_defaults_to_float(string path)
    {
        var process = ZcfgParser.ReadFile(path);
        var imageOutputs = process.Outputs
            .Where(o => o.Data?.Default?["mimeType"] is { } mime && mime.StartsWith("image/", StringComparison.Ordinal))
            .ToList();

        Assert.Multiple(() =>
        {
            foreach (var output in imageOutputs)
            {
                var pixelType = process.Inputs.SingleOrDefault(i => i.Name == output.Name);
                Assert.That(pixelType, Is.Not.Null, $"no pixel type input named {output.Name}");
                Assert.That(pixelType!.MinOccurs, Is.EqualTo("0"));
                Assert.That(pixelType.Data?.Kind, Is.EqualTo(DataKind.Literal));
                Assert.That(pixelType.Data?.Default?["value"], Is.EqualTo("float"));
                Assert.That(pixelType.Data?.Default?["AllowedValues"], Does.Contain("uint8").And.Contain("double"));
            }
        });
    }
}
