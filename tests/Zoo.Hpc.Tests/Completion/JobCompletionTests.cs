using System.Security.Cryptography;
using System.Text;
using Moq;
using Zoo.Core.Processes;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Submission;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>
/// What happens once Slurm reports a job's end, with a stand-in for the cluster: which ends bring the outputs home
/// (with ZOO's progress) and which fail the job with Slurm's state, and what the remote clean-up removes.
/// </summary>
[TestFixture]
public sealed class JobCompletionTests
{
    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private const string RemoteOutput = $"/home/zoo/data/output_BandMath_out_{Usid}.tif";
    private const string RemoteScript = $"/home/zoo/work/zoo_BandMath_{Usid}.sh";
    private const string RemoteInput = $"/home/zoo/data/input_il_0_{Usid}.tiff";
    private const string Pixels = "the output's pixels";

    private static readonly ClusterConfiguration Configuration = new("hpc-test",
        new SshSettings("cluster.example.org", 22, "zoo", new PasswordCredentials("secret"), new HostKeyVerification(null, null), TimeSpan.FromSeconds(30)),
        "/home/zoo/data", "/home/zoo/shared", "/home/zoo/work", new JobScriptFiles(null, null, null), [], null, "1", null, TimeSpan.FromSeconds(60));

    private static readonly SubmittedJob Job = new("42", Configuration, RemoteScript,
        [new RemoteOutput("out", RemoteOutput)], [RemoteInput]);

    private TempDirectory _tmp = null!;
    private Mock<IClusterConnection> _connection = null!;
    private Mock<IClusterConnectionFactory> _connections = null!;
    private List<(int Percent, string Message)> _progress = null!;
    private ZooMaps _outputs = null!;

    [SetUp]
    public void Cluster()
    {
        _tmp = new TempDirectory();
        _connection = new Mock<IClusterConnection>();
        _connection.Setup(c => c.DownloadAsync(RemoteOutput, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string local, CancellationToken _) => File.WriteAllText(local, Pixels))
            .ReturnsAsync(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Pixels))));
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "tail"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(0, "ERROR: invalid expression im9b1\n", "", null));
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "rm"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(0, "", "", null));
        _connections = new Mock<IClusterConnectionFactory>();
        _connections.Setup(f => f.OpenAsync(Configuration, It.IsAny<CancellationToken>())).ReturnsAsync(_connection.Object);
        _progress = [];
        _outputs = new ZooMaps();
        _outputs.GetOrAdd("out")["mimeType"] = "image/tiff";
    }

    [TearDown]
    public void Remove() => _tmp.Dispose();

    private static SacctRecord End(string state, string exitCode) =>
        new([new("JobID", "42"), new("State", state), new("ExitCode", exitCode), new("WorkDir", "/home/zoo/work")]);

    private async Task FinishAsync(SacctRecord end, bool remoteCleanup = false)
    {
        using var session = new ClusterSession(Configuration, _connections.Object);
        await new JobCompletion(session, _tmp.Path, remoteCleanup, (percent, message) => _progress.Add((percent, message)), TextWriter.Null)
            .FinishAsync(Job, end, _outputs, CancellationToken.None);
    }

    private async Task<HpcJobException> FailureAsync(SacctRecord end) => (await Assert.ThrowsAsync<HpcJobException>(() => FinishAsync(end)))!;

    [Test]
    public async Task A_job_completed_with_exit_code_0_0_has_its_output_brought_home_into_tmpPath()
    {
        await FinishAsync(End("COMPLETED", "0:0"));

        var local = _tmp.PathOf($"output_BandMath_out_{Usid}.tif");
        Assert.That(_outputs["out"]!.Text("generated_file"), Is.EqualTo(local));
        Assert.That(File.ReadAllText(local), Is.EqualTo(Pixels));
    }

    [Test]
    public async Task An_output_that_arrives_unlike_the_cluster_copy_is_fetched_again()
    {
        var arrivals = new Queue<string>(["Pixels damaged on the way", Pixels]);
        _connection.Setup(c => c.DownloadAsync(RemoteOutput, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string local, CancellationToken _) => File.WriteAllText(local, arrivals.Dequeue()))
            .ReturnsAsync(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Pixels))));

        await FinishAsync(End("COMPLETED", "0:0"));

        Assert.That(File.ReadAllText(_tmp.PathOf($"output_BandMath_out_{Usid}.tif")), Is.EqualTo(Pixels));
        _connection.Verify(c => c.DownloadAsync(RemoteOutput, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task A_completed_job_reports_zoo_progress_70_80_90()
    {
        await FinishAsync(End("COMPLETED", "0:0"));

        Assert.That(_progress, Is.EqualTo(new[]
        {
            (70, "SBATCH has been successfully executed on HPC server"),
            (80, "Download results from HPC server"),
            (90, "Results downloaded from HPC server"),
        }));
    }

    [Test]
    public async Task A_failed_job_fails_with_its_state_exit_code_and_the_error_the_application_reported() =>
        Assert.That((await FailureAsync(End("FAILED", "3:0"))).Message,
            Is.EqualTo("The Slurm job 42 ended FAILED with exit code 3:0. The application reported: ERROR: invalid expression im9b1"));

    [Test]
    public async Task What_the_job_script_printed_besides_the_application_error_stays_out_of_the_message()
    {
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "tail"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(0, "PASSWORD=hunter2\n2026-12-05 20:46:25 (FATAL) BandMath: itk::ERROR\n"
                + "Message:     Unexpected token \"x\"\n\nJob finished at: now\n", "", null));

        var message = (await FailureAsync(End("FAILED", "1:0"))).Message;

        Assert.That(message, Is.EqualTo("The Slurm job 42 ended FAILED with exit code 1:0. The application reported: "
            + "2026-12-05 20:46:25 (FATAL) BandMath: itk::ERROR Message: Unexpected token \"x\""));
    }

    [Test]
    public async Task The_end_of_the_log_is_read_where_sacct_says_the_job_worked()
    {
        await FailureAsync(End("FAILED", "3:0"));

        _connection.Verify(c => c.RunAsync(new[] { "tail", "-c", "2000", "--", "/home/zoo/work/slurm-42.out" }, It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task A_completed_job_killed_by_a_signal_fails()
    {
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "tail"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(1, "", "tail: cannot open", null));

        Assert.That((await FailureAsync(End("COMPLETED", "0:9"))).Message, Is.EqualTo("The Slurm job 42 ended COMPLETED with exit code 0:9."));
    }

    [Test]
    public async Task A_cancelled_job_fails_even_with_exit_code_0_0() =>
        Assert.That((await FailureAsync(End("CANCELLED", "0:0"))).Message, Does.StartWith("The Slurm job 42 ended CANCELLED with exit code 0:0."));

    [Test]
    public async Task A_job_that_failed_has_nothing_downloaded()
    {
        await FailureAsync(End("TIMEOUT", "0:0"));

        _connection.Verify(c => c.DownloadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_job_that_failed_reports_no_progress()
    {
        await FailureAsync(End("OUT_OF_MEMORY", "0:125"));

        Assert.That(_progress, Is.Empty);
    }

    [Test]
    public async Task A_missing_output_fails_the_job_with_the_end_of_its_log()
    {
        _connection.Setup(c => c.DownloadAsync(RemoteOutput, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClusterConnectionException(ClusterFailure.FileOperation, "cluster.example.org", 22, "zoo", "no such file or directory"));

        Assert.That((await FailureAsync(End("COMPLETED", "0:0"))).Message, Is.EqualTo(
            "Unable to fetch the remote file for out: SSH zoo@cluster.example.org:22: no such file or directory"
            + " The application reported: ERROR: invalid expression im9b1"));
    }

    [Test]
    public async Task Remote_cleanup_removes_the_script_the_log_and_the_job_own_inputs()
    {
        await FinishAsync(End("COMPLETED", "0:0"), remoteCleanup: true);

        _connection.Verify(c => c.RunAsync(new[] { "rm", "-f", "--", RemoteScript, "/home/zoo/work/slurm-42.out", RemoteInput },
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Without_remote_cleanup_nothing_is_removed()
    {
        await FinishAsync(End("COMPLETED", "0:0"));

        _connection.Verify(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "rm"), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void A_failed_remote_cleanup_does_not_fail_the_job()
    {
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "rm"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(1, "", "rm: cannot remove: Permission denied", null));

        Assert.That(async () => await FinishAsync(End("COMPLETED", "0:0"), remoteCleanup: true), Throws.Nothing);
    }
}
