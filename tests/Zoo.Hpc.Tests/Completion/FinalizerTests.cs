using Moq;
using Zoo.Core.Jobs;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>
/// What FinalizeHPC decides, with a stand-in for the cluster: which calls are refused without connecting (and with
/// which failure class, which the mail modes act on), that a worker it can reach is told over its socket without
/// connecting, and what a call asks and writes when the socket is out of reach (another front-end).
/// </summary>
[TestFixture]
public sealed class FinalizerTests
{
    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private const string SlurmJobId = "42";
    private const string CompletedRow = $"42|ZOO-Project_{Usid}_BandMath|COMPLETED|0:0|/home/zoo/work\n";

    private string _tmpPath = "";
    private JobStore _store = null!;
    private CompletionSocket? _socket;
    private Mock<IClusterConnectionFactory> _connections = null!;
    private Mock<IClusterConnection> _connection = null!;

    [SetUp]
    public void WaitingJob()
    {
        // Short: the wait socket goes below it, and a unix socket's path has at most 107 bytes.
        _tmpPath = Directory.CreateTempSubdirectory("zf").FullName;
        _store = new JobStore(_tmpPath);
        _socket = CompletionSocket.Listen(CompletionSocket.PathFor(null, _tmpPath, Usid));
        _store.Create(Usid, 1);
        _store.MarkRunning(Usid, ProcessIdentity.Of(Environment.ProcessId)!);
        WriteLenv(sbatchId: SlurmJobId);
        _connection = new Mock<IClusterConnection>();
        _connection.Setup(c => c.Settings).Returns(new SshSettings("cluster.example.org", 22, "zoo",
            new PasswordCredentials("secret"), new HostKeyVerification(null, null), TimeSpan.FromSeconds(30)));
        _connections = new Mock<IClusterConnectionFactory>(MockBehavior.Strict);
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(_connection.Object);
        SacctPrints(CompletedRow);
    }

    [TearDown]
    public void RemoveJob()
    {
        _socket?.Dispose();
        Directory.Delete(_tmpPath, recursive: true);
    }

    private string MainConfig => $"""
        [main]
        tmpPath={_tmpPath}

        [HPC]
        preview_max_pixels=820800
        preview_max_features=100000
        preview_conf=hpc-test
        fullres_conf=hpc-test

        [hpc-test]
        ssh_host=cluster.example.org
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data
        remote_work_path=/home/zoo/work
        """;

    private Finalizer Finalizer(string? mainConfig = null) =>
        new(Configs.Parse(mainConfig ?? MainConfig), TextWriter.Null, _connections.Object);

    private string SocketPath => CompletionSocket.PathFor(null, _tmpPath, Usid);

    private void WriteLenv(string? sbatchId, string configId = "hpc-test", string? workerHost = null)
    {
        var lenv = new List<KeyValuePair<string, string>>
        {
            new("usid", Usid), new("confId", "HPC"), new("configId", configId), new("wait_socket", SocketPath),
            new(WorkerHost.LenvKey, workerHost ?? WorkerHost.Name),
        };
        if (sbatchId is not null)
            lenv.Add(new("sbatch_id", sbatchId));
        _store.WriteLenv(Usid, lenv);
    }

    /// <summary>
    /// The worker's socket as another front-end sees it over NFS: a file at its path that nobody answers on (the
    /// worker itself still waits: its process is this test's).
    /// </summary>
    private void SocketOutOfReach()
    {
        _socket!.Dispose();
        _socket = null;
        File.WriteAllText(SocketPath, "");
    }

    private string HenvPath => Path.Combine(_tmpPath, "exec_status_" + Usid);

    private void SacctPrints(string output, int exitStatus = 0) =>
        _connection.Setup(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "sacct"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(exitStatus, output, exitStatus == 0 ? "" : "sacct: error: slurmdbd unreachable", null));

    private async Task<FinalizeException> RefusalAsync(string usid = Usid, string? mainConfig = null) =>
        (await Assert.ThrowsAsync<FinalizeException>(() => Finalizer(mainConfig).FinalizeAsync(usid, TimeSpan.Zero, CancellationToken.None)))!;

    private void NothingConnected() =>
        _connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Never);

    [Test]
    public async Task A_malformed_job_id_is_an_unknown_job()
    {
        Assert.That((await RefusalAsync("../" + Usid)).Failure, Is.EqualTo(FinalizeFailure.UnknownJob));
        NothingConnected();
    }

    [Test]
    public async Task A_job_without_a_saved_lenv_is_an_unknown_job()
    {
        File.Delete(_store.LenvFile(Usid));

        Assert.That((await RefusalAsync()).Failure, Is.EqualTo(FinalizeFailure.UnknownJob));
        NothingConnected();
    }

    [Test]
    public async Task A_job_that_never_reached_sbatch_is_an_unknown_job()
    {
        WriteLenv(sbatchId: null);

        Assert.That((await RefusalAsync()).Message, Is.EqualTo("No service with this jobid can be found"));
        NothingConnected();
    }

    [Test]
    public async Task A_job_that_has_ended_is_already_ended()
    {
        _store.Finish(Usid, "BandMath", succeeded: true, null);

        var refusal = await RefusalAsync();

        Assert.That((refusal.Failure, refusal.Message), Is.EqualTo((FinalizeFailure.AlreadyEnded, $"The job {Usid} has already ended (succeeded).")));
        NothingConnected();
    }

    [Test]
    public async Task A_job_whose_wait_socket_is_gone_is_already_ended()
    {
        _socket!.Dispose();
        _socket = null;

        var refusal = await RefusalAsync();

        Assert.That((refusal.Failure, refusal.Message), Is.EqualTo((FinalizeFailure.AlreadyEnded, $"The job {Usid} no longer waits for its Slurm job 42.")));
        NothingConnected();
    }

    [Test]
    public async Task A_job_whose_worker_died_is_already_ended()
    {
        var self = ProcessIdentity.Of(Environment.ProcessId)!;
        // The same pid started at another time: the process that has it now is not the job's worker.
        _store.MarkRunning(Usid, self with { StartTime = self.StartTime + 1 });

        var refusal = await RefusalAsync();

        Assert.That((refusal.Failure, refusal.Message),
            Is.EqualTo((FinalizeFailure.AlreadyEnded, $"The job {Usid} no longer waits for its Slurm job 42: its worker is gone.")));
        NothingConnected();
    }

    [Test]
    public async Task A_job_without_a_recorded_worker_is_already_ended()
    {
        File.Delete(_store.PidFile(Usid));

        Assert.That((await RefusalAsync()).Failure, Is.EqualTo(FinalizeFailure.AlreadyEnded));
        NothingConnected();
    }

    [Test]
    public async Task A_second_finalization_while_the_first_holds_the_lock_comes_back_later()
    {
        using var first = FinalizeLock.TryAcquire(FinalizeLock.PathFor(_tmpPath, Usid));

        var refusal = await RefusalAsync();

        Assert.That((refusal.Failure, refusal.Message), Is.EqualTo((FinalizeFailure.Temporary, "A finalization of this job is already in progress")));
        NothingConnected();
    }

    [Test]
    public async Task A_waiting_worker_is_told_over_its_socket_with_zoo_success_status()
    {
        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That((outcome.Notice, outcome.Record is null), Is.EqualTo((FinalizeNotice.Socket, true)));
        Assert.That(await _socket!.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None), Is.EqualTo("3"));
    }

    [Test]
    public async Task A_worker_told_over_its_socket_costs_the_cluster_nothing()
    {
        await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        NothingConnected();
        Assert.That(File.Exists(HenvPath), Is.False, "the worker asks sacct itself: no [henv] file is needed");
    }

    [Test]
    public async Task A_worker_reachable_over_its_socket_is_told_even_when_its_configuration_is_gone()
    {
        WriteLenv(SlurmJobId, configId: "hpc-removed");

        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That(outcome.Notice, Is.EqualTo(FinalizeNotice.Socket));
    }

    [Test]
    public async Task A_worker_out_of_reach_is_told_through_its_status_file()
    {
        SocketOutOfReach();

        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That((outcome.Notice, outcome.Record!.JobId, outcome.Record.State), Is.EqualTo((FinalizeNotice.StatusFile, "42", "COMPLETED")));
    }

    [Test]
    public async Task Out_of_reach_the_job_is_asked_about_by_its_slurm_id_over_one_connection()
    {
        SocketOutOfReach();

        await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        _connections.Verify(f => f.OpenAsync(It.Is<ClusterConfiguration>(c => c.SectionName == "hpc-test"), It.IsAny<CancellationToken>()), Times.Once);
        _connection.Verify(c => c.RunAsync(
            new[] { "sacct", "-j", "42", "-X", "-n", "-P", "--format=JobID,JobName,State,ExitCode,WorkDir" }, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Out_of_reach_the_connection_is_closed_once_sacct_answered()
    {
        SocketOutOfReach();

        await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        _connection.Verify(c => c.Dispose(), Times.Once);
    }

    [Test]
    public async Task The_status_file_holds_sacct_row_and_the_job_log_name_as_zoo_writes_it()
    {
        SocketOutOfReach();

        await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That(File.ReadAllText(HenvPath), Is.EqualTo(
            $"[henv]\nJobID = 42\nJobName = ZOO-Project_{Usid}_BandMath\nState = COMPLETED\nExitCode = 0:0\nWorkDir = /home/zoo/work\nStdErr = slurm-42.out\n"));
    }

    [Test]
    public async Task Out_of_reach_a_job_still_running_is_written_as_running_for_its_worker_to_follow()
    {
        SocketOutOfReach();
        SacctPrints($"42|ZOO-Project_{Usid}_BandMath|RUNNING|0:0|/home/zoo/work\n");

        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That(outcome.Record!.State, Is.EqualTo("RUNNING"));
    }

    [Test]
    public async Task A_job_whose_worker_runs_on_another_front_end_is_told_through_its_status_file()
    {
        // Seen from here, that worker's socket does not exist (it is in its own /tmp) and its pid is nobody's.
        _socket!.Dispose();
        _socket = null;
        File.Delete(_store.PidFile(Usid));
        WriteLenv(SlurmJobId, workerHost: "another-front-end.example.org");

        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That((outcome.Notice, File.Exists(HenvPath)), Is.EqualTo((FinalizeNotice.StatusFile, true)));
    }

    [Test]
    public async Task A_job_of_another_front_end_that_has_ended_is_already_ended()
    {
        WriteLenv(SlurmJobId, workerHost: "another-front-end.example.org");
        _store.Finish(Usid, "BandMath", succeeded: false, null);

        Assert.That((await RefusalAsync()).Failure, Is.EqualTo(FinalizeFailure.AlreadyEnded));
        NothingConnected();
    }

    [Test]
    public async Task Out_of_reach_a_job_whose_configuration_main_cfg_no_longer_names_fails_for_good()
    {
        SocketOutOfReach();
        WriteLenv(SlurmJobId, configId: "hpc-removed");

        Assert.That((await RefusalAsync()).Failure, Is.EqualTo(FinalizeFailure.Permanent));
        NothingConnected();
    }

    [Test]
    public async Task Without_tmpPath_nothing_can_be_finalized_ever()
    {
        Assert.That((await RefusalAsync(mainConfig: "[main]\nserverAddress=http://localhost/\n")).Failure, Is.EqualTo(FinalizeFailure.Permanent));
        NothingConnected();
    }

    [Test]
    public async Task Out_of_reach_an_unreachable_cluster_is_a_temporary_failure()
    {
        SocketOutOfReach();
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClusterConnectionException(ClusterFailure.Unreachable, "cluster.example.org", 22, "zoo", "cannot connect"));

        Assert.That((await RefusalAsync()).Failure, Is.EqualTo(FinalizeFailure.Temporary));
    }

    [Test]
    public async Task Out_of_reach_a_failing_sacct_is_a_temporary_failure()
    {
        SocketOutOfReach();
        SacctPrints("", exitStatus: 1);

        Assert.That((await RefusalAsync()).Failure, Is.EqualTo(FinalizeFailure.Temporary));
    }

    [Test]
    public async Task Out_of_reach_a_job_sacct_does_not_list_yet_is_a_temporary_failure()
    {
        SocketOutOfReach();
        SacctPrints("");

        var refusal = await RefusalAsync();

        Assert.That((refusal.Failure, refusal.Message), Is.EqualTo((FinalizeFailure.Temporary,
            "Failed to run sacct remotely: sacct does not list the Slurm job 42 (yet).")));
    }

    [Test]
    public async Task Out_of_reach_while_sacct_catches_up_with_an_end_mail_it_is_asked_again_over_the_same_connection()
    {
        SocketOutOfReach();
        _connection.SetupSequence(c => c.RunAsync(It.Is<IReadOnlyList<string>>(a => a[0] == "sacct"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RemoteCommandResult(0, $"42|ZOO-Project_{Usid}_BandMath|RUNNING|0:0|/home/zoo/work\n", "", null))
            .ReturnsAsync(new RemoteCommandResult(0, CompletedRow, "", null));

        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.That(outcome.Record!.State, Is.EqualTo("COMPLETED"));
        _connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_slurm_id_is_also_found_where_zoo_keeps_it()
    {
        SocketOutOfReach();
        WriteLenv(sbatchId: null);
        File.WriteAllText(Path.Combine(_tmpPath, "exec_out_" + Usid), "42\n");

        var outcome = await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        Assert.That(outcome.Record!.JobId, Is.EqualTo("42"));
    }

    [Test]
    public async Task The_lock_is_released_when_the_finalization_is_done()
    {
        await Finalizer().FinalizeAsync(Usid, TimeSpan.Zero, CancellationToken.None);

        using var next = FinalizeLock.TryAcquire(FinalizeLock.PathFor(_tmpPath, Usid));
        Assert.That(next, Is.Not.Null);
    }

    [Test]
    public async Task The_lock_is_released_when_the_finalization_failed()
    {
        SocketOutOfReach();
        SacctPrints("", exitStatus: 1);
        await RefusalAsync();

        using var next = FinalizeLock.TryAcquire(FinalizeLock.PathFor(_tmpPath, Usid));
        Assert.That(next, Is.Not.Null);
    }
}
