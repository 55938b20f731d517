using Moq;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Tests.TestSupport;
using Zoo.Hpc.Utilities;

namespace Zoo.Hpc.Tests.Utilities;

/// <summary>
/// What DeployOnHpc runs on the cluster and answers, with a stand-in for the cluster: which cluster, which program,
/// the exact words of the pull, ZOO's result and messages, and what is refused without connecting.
/// </summary>
[TestFixture]
public sealed class DeployOnHpcUtilityTests
{
    private const string Image = "docker://mdl4eo/otbtf:4.1.0-cpu";

    private const string Zcfg = """
        [DeployOnHpc]
         Title = Deploy a container image on the HPC cluster
         serviceProvider = wps_hpc.zo
         serviceType = C
         <DataInputs>
          [image]
           Title = The image to pull
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [Result]
           Title = The result
           <LiteralOutput>
            DataType = string
            <Default />
           </LiteralOutput>
         </DataOutputs>
        """;

    private const string MainConfig = """
        [main]
        tmpPath=/tmp/zoo

        [HPC]
        preview_max_pixels=820800
        preview_max_features=100000
        preview_conf=hpc-preview
        fullres_conf=hpc-fullres

        [HPC_gpu]
        preview_max_pixels=820800
        preview_max_features=100000
        preview_conf=gpu-preview
        fullres_conf=gpu-preview
        container_command=/opt/apptainer/bin/apptainer

        [hpc-preview]
        ssh_host=cluster.example.org
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data
        remote_work_path=/home/zoo/work

        [hpc-fullres]
        ssh_host=big.example.org
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data
        remote_work_path=/home/zoo/work

        [gpu-preview]
        ssh_host=gpu.example.org
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data
        remote_work_path=/home/zoo/work
        """;

    private const string PullOutput = "INFO:    Creating SIF file...\n";

    private Mock<IClusterConnectionFactory> _connections = null!;
    private Mock<IClusterConnection> _connection = null!;
    private List<IReadOnlyList<string>> _commands = null!;
    private ClusterConfiguration? _opened;

    [SetUp]
    public void StandInCluster()
    {
        _commands = [];
        _opened = null;
        _connection = new Mock<IClusterConnection>();
        _connection.Setup(c => c.Settings).Returns(new SshSettings("cluster.example.org", 22, "zoo",
            new PasswordCredentials("secret"), new HostKeyVerification(null, null), TimeSpan.FromSeconds(30)));
        _connections = new Mock<IClusterConnectionFactory>(MockBehavior.Strict);
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .Callback<ClusterConfiguration, CancellationToken>((configuration, _) => _opened = configuration)
            .ReturnsAsync(_connection.Object);
        ClusterHas("singularity");
        PullAnswers(0, PullOutput, "");
    }

    /// <summary>The programs <c>command -v</c> finds on the stand-in cluster.</summary>
    private void ClusterHas(params string[] programs) =>
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "command"), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<string>, CancellationToken>((arguments, _) => _commands.Add(arguments))
            .ReturnsAsync((IReadOnlyList<string> arguments, CancellationToken _) => programs.Contains(arguments[2])
                ? new RemoteCommandResult(0, "/usr/bin/" + arguments[2] + "\n", "", null)
                : new RemoteCommandResult(1, "", "", null));

    private void PullAnswers(int exitStatus, string output, string error) =>
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a.Count > 1 && a[1] == "pull"), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<string>, CancellationToken>((arguments, _) => _commands.Add(arguments))
            .ReturnsAsync(new RemoteCommandResult(exitStatus, output, error, null));

    private async Task<RunOutcome> DeployAsync(string image = Image, string mainConfig = MainConfig, string zcfg = Zcfg)
    {
        var inputs = new ZooMaps();
        var map = inputs.GetOrAdd("image");
        map["value"] = image;
        map["dataType"] = "string";
        var outputs = new ZooMaps();
        outputs.GetOrAdd("Result");
        var run = new ServiceRun(new ServiceEntry("DeployOnHpc", "/srv/zoo/DeployOnHpc.zcfg", ""), ZcfgParser.Parse(zcfg),
            new ZooMaps(), inputs, outputs);
        return await new DeployOnHpcUtility(Configs.Parse(mainConfig), TextWriter.Null, _connections.Object).RunAsync(run, CancellationToken.None);
    }

    private static string? Message(RunOutcome outcome) => outcome.Conf["lenv"]?.Text("message");

    private void NothingConnected() =>
        _connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Never);

    [Test]
    public void The_pull_reaches_the_shell_as_three_single_quoted_words()
    {
        Assert.That(ShellQuote.Join(DeployOnHpcUtility.PullCommand("singularity", Image)),
            Is.EqualTo("'singularity' 'pull' 'docker://mdl4eo/otbtf:4.1.0-cpu'"));
    }

    [Test]
    public async Task A_pull_that_succeeds_gives_zoo_result()
    {
        var outcome = await DeployAsync();

        Assert.That((outcome.Code, outcome.Outputs["Result"]?.Text("value")), Is.EqualTo(((int?)3, "Singularity container deployed")));
    }

    [Test]
    public async Task What_the_pull_printed_is_kept_in_lenv_ssh_cmd_log()
    {
        PullAnswers(0, "done\n", "INFO:    Converting OCI blobs to SIF format\n");

        var outcome = await DeployAsync();

        Assert.That(outcome.Conf["lenv"]?.Text("ssh_cmd_log"), Is.EqualTo("done\nINFO:    Converting OCI blobs to SIF format\n"));
    }

    [Test]
    public async Task Without_container_command_singularity_is_looked_up_then_pulls()
    {
        await DeployAsync();

        Assert.That(_commands, Is.EqualTo(new[]
        {
            new[] { "command", "-v", "singularity" },
            new[] { "singularity", "pull", Image },
        }));
    }

    [Test]
    public async Task A_cluster_without_singularity_pulls_with_apptainer()
    {
        ClusterHas("apptainer");

        await DeployAsync();

        Assert.That(_commands, Is.EqualTo(new[]
        {
            new[] { "command", "-v", "singularity" },
            new[] { "command", "-v", "apptainer" },
            new[] { "apptainer", "pull", Image },
        }));
    }

    [Test]
    public async Task A_cluster_with_neither_program_fails_and_says_how_to_name_one()
    {
        ClusterHas();

        var outcome = await DeployAsync();

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Code, Is.EqualTo(4));
            Assert.That(Message(outcome), Is.EqualTo("Neither singularity nor apptainer is found by zoo@cluster.example.org:22's shell "
                + "on the cluster: install one there, or name the program in [HPC] container_command"));
        });
    }

    [Test]
    public async Task A_cluster_with_neither_program_runs_no_pull()
    {
        ClusterHas();

        await DeployAsync();

        Assert.That(_commands.Select(c => c[0]), Is.All.EqualTo("command"));
    }

    [Test]
    public async Task The_configured_container_command_pulls_without_a_lookup()
    {
        var config = MainConfig.Replace("fullres_conf=hpc-fullres", "fullres_conf=hpc-fullres\ncontainer_command=/opt/singularity/bin/singularity");

        await DeployAsync(mainConfig: config);

        Assert.That(_commands, Is.EqualTo(new[] { new[] { "/opt/singularity/bin/singularity", "pull", Image } }));
    }

    [Test]
    public async Task The_pull_runs_on_the_preview_configuration_of_HPC()
    {
        var outcome = await DeployAsync();

        Assert.That((_opened?.SectionName, outcome.Conf["lenv"]?.Text("configId")), Is.EqualTo(("hpc-preview", "hpc-preview")));
    }

    [Test]
    public async Task The_zcfg_confId_chooses_the_cluster_and_its_container_command()
    {
        await DeployAsync(zcfg: Zcfg.Replace("serviceType = C", "serviceType = C\n confId = HPC_gpu"));

        Assert.That((_opened?.SectionName, _commands.Single()[0]), Is.EqualTo(("gpu-preview", "/opt/apptainer/bin/apptainer")));
    }

    [Test]
    public async Task A_pull_that_fails_gives_zoo_message_with_the_reason()
    {
        PullAnswers(255, "", "FATAL:   While making image from oci registry: manifest unknown\n");

        var outcome = await DeployAsync();

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Code, Is.EqualTo(4));
            Assert.That(Message(outcome), Is.EqualTo("Failed to run singularity pull remotely: singularity pull exited with status 255: "
                + "FATAL:   While making image from oci registry: manifest unknown"));
        });
    }

    [Test]
    public async Task A_pull_that_fails_silently_gives_zoo_message()
    {
        PullAnswers(1, "", "");

        var outcome = await DeployAsync();

        Assert.That(Message(outcome), Is.EqualTo("Failed to run singularity pull remotely: singularity pull exited with status 1"));
    }

    [Test]
    public async Task A_pull_killed_by_a_signal_says_which()
    {
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a.Count > 1 && a[1] == "pull"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(-1, "", "", "KILL"));

        var outcome = await DeployAsync();

        Assert.That(Message(outcome), Is.EqualTo("Failed to run singularity pull remotely: singularity pull was killed by signal KILL"));
    }

    [Test]
    public async Task A_failed_pull_leaves_no_ssh_cmd_log()
    {
        PullAnswers(1, "partial\n", "");

        var outcome = await DeployAsync();

        Assert.That(outcome.Conf["lenv"]?.Text("ssh_cmd_log"), Is.Null);
    }

    [Test]
    public async Task A_long_complaint_is_cut_to_its_last_400_characters()
    {
        PullAnswers(1, "", new string('x', 1000) + "the reason");

        var outcome = await DeployAsync();

        Assert.That(Message(outcome), Does.EndWith(": ..." + new string('x', 390) + "the reason"));
    }

    [TestCase("docker://ubuntu; touch pwned")]
    [TestCase("$(touch pwned)")]
    [TestCase("--help")]
    [TestCase("")]
    public async Task A_hostile_image_is_refused_without_connecting(string image)
    {
        var outcome = await DeployAsync(image);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Code, Is.EqualTo(4));
            Assert.That(Message(outcome), Does.StartWith("The image must be a docker://, oras:// or library:// reference, or a path ending .sif"));
            NothingConnected();
        });
    }

    [Test]
    public async Task A_broken_hpc_configuration_fails_without_connecting()
    {
        var outcome = await DeployAsync(mainConfig: MainConfig.Replace("preview_conf=hpc-preview", "preview_conf=hpc-missing"));

        Assert.Multiple(() =>
        {
            Assert.That(Message(outcome), Does.Contain("[hpc-missing] section is missing"));
            NothingConnected();
        });
    }

    [Test]
    public async Task An_unreachable_cluster_fails_with_the_connection_error()
    {
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClusterConnectionException(ClusterFailure.Unreachable, "cluster.example.org", 22, "zoo", "connection refused"));

        var outcome = await DeployAsync();

        Assert.That(Message(outcome), Is.EqualTo("SSH zoo@cluster.example.org:22: connection refused"));
    }

    [Test]
    public async Task The_helper_services_runner_serves_deploy_on_hpc()
    {
        var inputs = new ZooMaps();
        inputs.GetOrAdd("image")["value"] = "-v";
        var run = new ServiceRun(new ServiceEntry("DeployOnHpc", "/srv/zoo/DeployOnHpc.zcfg", ""), ZcfgParser.Parse(Zcfg),
            new ZooMaps(), inputs, new ZooMaps());

        var outcome = await HpcUtilities.Runner(Configs.Parse(MainConfig), TextWriter.Null).RunAsync(run, CancellationToken.None);

        Assert.That(Message(outcome), Does.StartWith("The image must be"));
    }
}
