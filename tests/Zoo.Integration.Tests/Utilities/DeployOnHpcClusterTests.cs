using Zoo.Integration.Tests.Hpc;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Utilities;

/// <summary>
/// DeployOnHpc through zoo_loader.cgi against the test cluster's sshd. The cluster has no container runtime, so
/// <c>[HPC] container_command</c> names a stand-in written for each test into a directory of remote_work_path (the
/// cluster is this machine): it records the arguments it received, one per line, and the directory it ran in, then
/// prints what a pull prints, or fails.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class DeployOnHpcClusterTests
{
    private const string Image = "docker://registry.example.org:5000/team/otbtf:4.1.0-cpu";

    private ClusterEnvironment _cluster = null!;
    private ServiceDirectory _dist = null!;
    private string _standInDirectory = "";

    [SetUp]
    public void CopyDist()
    {
        _cluster = ClusterEnvironment.Require();
        _dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _standInDirectory = Path.Combine(new RemoteDirectories(_dist).Work, "deploy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_standInDirectory);
        // The stand-in runs as the cluster's user and writes its records beside itself.
        LocalCommand.Output("chown", [_cluster.User, _standInDirectory]);
    }

    [TearDown]
    public void RemoveCopy()
    {
        Directory.Delete(_standInDirectory, recursive: true);
        _dist.Dispose();
    }

    private string StandIn => Path.Combine(_standInDirectory, "singularity");

    private string ArgvFile => Path.Combine(_standInDirectory, "argv");

    /// <summary>Installs the stand-in, ending with <paramref name="ending"/>, as [HPC] container_command.</summary>
    private void InstallStandIn(string ending)
    {
        File.WriteAllText(StandIn, $"""
            #!/bin/sh
            printf '%s\n' "$@" > '{ArgvFile}'
            pwd > '{_standInDirectory}/cwd'
            {ending}

            """);
        LocalCommand.Output("chmod", ["755", StandIn]);
        _dist.SetConfig("HPC", "container_command", StandIn);
    }

    private void InstallPullingStandIn() => InstallStandIn("echo 'INFO:    Creating SIF file...'");

    private CgiResult DeployRaw(string image) =>
        CgiProcess.Get(_dist.Path, Kvp("DeployOnHpc", "image=" + Q(image), "&RawDataOutput=Result"));

    [Test]
    public void The_stand_in_receives_pull_and_the_image_as_two_arguments()
    {
        InstallPullingStandIn();

        DeployRaw(Image);

        Assert.That(File.ReadAllLines(ArgvFile), Is.EqualTo(new[] { "pull", "docker://registry.example.org:5000/team/otbtf:4.1.0-cpu" }));
    }

    [Test]
    public void A_sif_path_reaches_the_stand_in_as_one_argument()
    {
        InstallPullingStandIn();

        DeployRaw("images/otbtf_4.1.0-cpu.sif");

        Assert.That(File.ReadAllLines(ArgvFile), Is.EqualTo(new[] { "pull", "images/otbtf_4.1.0-cpu.sif" }));
    }

    [Test]
    public void A_pull_that_succeeds_answers_zoo_result()
    {
        InstallPullingStandIn();

        var result = DeployRaw(Image);

        Assert.That(result.Text, Is.EqualTo("Singularity container deployed"));
    }

    [Test]
    public void The_pull_runs_in_the_ssh_users_home()
    {
        InstallPullingStandIn();

        DeployRaw(Image);

        Assert.That(File.ReadAllText(Path.Combine(_standInDirectory, "cwd")).TrimEnd('\n'), Is.EqualTo(_cluster.RemoteHome));
    }

    [Test]
    public void A_2_0_0_execute_answers_a_schema_valid_result()
    {
        InstallPullingStandIn();

        var result = CgiProcess.Post(_dist.Path, Xml20("DeployOnHpc", Data20("image", "", X(Image)), Output20("Result")));

        SchemaValidator.AssertValid(result);
        Assert.That(result.Text, Does.Contain("Singularity container deployed"));
    }

    [Test]
    public void A_pull_that_fails_printing_nothing_gets_zoo_message()
    {
        InstallStandIn("exit 1");

        var result = DeployRaw(Image);

        SchemaValidator.AssertValid(result);
        Assert.That(OwsReport.Text(result), Is.EqualTo($"Failed to run singularity pull remotely: {StandIn} pull exited with status 1"));
    }

    [Test]
    public void A_pull_that_fails_gets_zoo_message_with_its_complaint()
    {
        InstallStandIn("echo 'FATAL:   manifest unknown' >&2; exit 255");

        var result = DeployRaw(Image);

        Assert.That(OwsReport.Text(result),
            Is.EqualTo($"Failed to run singularity pull remotely: {StandIn} pull exited with status 255: FATAL:   manifest unknown"));
    }

    [Test]
    public void Without_container_command_a_cluster_without_singularity_or_apptainer_says_so()
    {
        var result = DeployRaw(Image);

        Assert.That(OwsReport.Text(result), Is.EqualTo($"Neither singularity nor apptainer is found by {_cluster.User}@{_cluster.Host}:{_cluster.Port}'s "
            + "shell on the cluster: install one there, or name the program in [HPC] container_command"));
    }
}
