using Moq;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Completion;

[TestFixture]
public sealed class JobWaiterTests
{
    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private const string SlurmJobId = "42";
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    private string _tmpPath = "";
    private CompletionSocket _socket = null!;
    private Mock<IJobAccounting> _accounting = null!;
    private List<string> _reports = null!;

    [SetUp]
    public void Listen()
    {
        _tmpPath = Directory.CreateTempSubdirectory("zw").FullName;
        _socket = CompletionSocket.Listen(CompletionSocket.PathFor(null, _tmpPath, Usid));
        _accounting = new Mock<IJobAccounting>(MockBehavior.Strict);
        // Unless a test says otherwise, the cluster's watch for the end answers as sacct does at that moment.
        _accounting.Setup(a => a.QueryOnceEndedAsync(SlurmJobId, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns((string id, TimeSpan _, CancellationToken token) => _accounting.Object.QueryAsync(id, token));
        _reports = [];
    }

    [TearDown]
    public void Close()
    {
        _socket.Dispose();
        Directory.Delete(_tmpPath, recursive: true);
    }

    private string HenvPath => HenvFile.PathFor(_tmpPath, Usid);

    private JobWaiter Waiter(TimeSpan pollInterval) =>
        new(_socket, _accounting.Object, HenvPath, pollInterval, _reports.Add, TextWriter.Null);

    private static SacctRecord Row(string state, string exitCode = "0:0") =>
        new([new("JobID", SlurmJobId), new("JobName", $"ZOO-Project_{Usid}_BandMath"), new("State", state), new("ExitCode", exitCode)]);

    [Test]
    public async Task Without_any_notice_the_waiter_asks_sacct_until_the_job_ended()
    {
        _accounting.SetupSequence(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>()))
            .ReturnsAsync((SacctRecord?)null)
            .ReturnsAsync(Row("RUNNING"))
            .ReturnsAsync(Row("COMPLETED"));

        var end = await Waiter(Fast).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(end.State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_failed_job_ends_the_wait_too()
    {
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("FAILED", "3:0"));

        var end = await Waiter(Fast).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That((end.State, end.ExitCode), Is.EqualTo(("FAILED", "3:0")));
    }

    [Test]
    public async Task A_notice_ends_the_wait_with_what_sacct_answers_the_waiter()
    {
        HenvFile.Write(HenvPath, Row("COMPLETED").Fields);
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("FAILED", "1:0"));

        var end = await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That((end.State, end.ExitCode), Is.EqualTo(("FAILED", "1:0")));
    }

    [Test]
    public async Task A_henv_file_claiming_the_end_of_a_running_job_does_not_end_the_wait()
    {
        HenvFile.Write(HenvPath, Row("COMPLETED").Fields);
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("RUNNING"));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        Assert.That(async () => await Waiter(Never).WaitAsync(SlurmJobId, patience.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task The_henv_file_is_consumed_as_zoo_does()
    {
        HenvFile.Write(HenvPath, Row("COMPLETED").Fields);
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));

        await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(File.Exists(HenvPath), Is.False);
    }

    [Test]
    public async Task A_notice_while_the_job_still_runs_makes_the_waiter_follow_it_closely()
    {
        HenvFile.Write(HenvPath, Row("RUNNING").Fields);
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));

        var waiting = Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(waiting), "the waiter kept waiting for its slow poll");
        Assert.That((await waiting).State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_notice_while_sacct_still_lists_the_job_running_has_the_cluster_watch_for_its_end()
    {
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("RUNNING"));
        _accounting.Setup(a => a.QueryOnceEndedAsync(SlurmJobId, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Row("COMPLETED"));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var end = await Waiter(Never).WaitAsync(SlurmJobId, patience.Token);

        Assert.That(end.State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task When_sacct_lags_behind_slurmctld_the_cluster_watch_is_asked_again_at_once()
    {
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("RUNNING"));
        _accounting.SetupSequence(a => a.QueryOnceEndedAsync(SlurmJobId, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Row("RUNNING"))
            .ReturnsAsync(Row("COMPLETED"));

        await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        _accounting.Verify(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_notice_for_a_job_sacct_lists_as_ended_has_the_cluster_watch_for_nothing()
    {
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));

        await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        _accounting.Verify(a => a.QueryOnceEndedAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Without_a_notice_the_cluster_is_never_asked_to_watch_for_the_end()
    {
        _accounting.SetupSequence(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Row("RUNNING"))
            .ReturnsAsync(Row("COMPLETED"));

        await Waiter(Fast).WaitAsync(SlurmJobId, CancellationToken.None);

        _accounting.Verify(a => a.QueryOnceEndedAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_notice_without_a_henv_file_makes_the_waiter_ask_sacct()
    {
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));

        var end = await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(end.State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_notice_other_than_zoo_success_only_wakes_the_waiter_to_ask_sacct()
    {
        await CompletionSocket.NotifyAsync(_socket.SocketPath, "4", CancellationToken.None);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));

        var end = await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(end.State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task An_unreachable_cluster_is_asked_again_instead_of_failing_the_job()
    {
        var unreachable = new ClusterConnectionException(ClusterFailure.Unreachable, "h", 22, "u", "down");
        _accounting.SetupSequence(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(unreachable)
            .ReturnsAsync(Row("COMPLETED"));

        var end = await Waiter(Fast).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(end.State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task Each_new_state_of_the_job_is_reported_once()
    {
        _accounting.SetupSequence(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Row("PENDING"))
            .ReturnsAsync(Row("RUNNING"))
            .ReturnsAsync(Row("RUNNING"))
            .ReturnsAsync(Row("COMPLETED"));

        await Waiter(Fast).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(_reports, Is.EqualTo(new[] { "Slurm job 42 is PENDING", "Slurm job 42 is RUNNING" }));
    }

    [Test]
    public async Task A_status_file_written_where_the_socket_cannot_be_reached_wakes_the_waiter()
    {
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));
        var waiting = Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        HenvFile.Write(HenvPath, Row("COMPLETED").Fields);

        Assert.That(await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(waiting), "the waiter did not see the status file");
        Assert.That((await waiting).State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_status_file_is_consumed_as_zoo_does()
    {
        HenvFile.Write(HenvPath, Row("COMPLETED").Fields);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("COMPLETED"));

        await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        Assert.That(File.Exists(HenvPath), Is.False);
    }

    [Test]
    public async Task A_status_file_claiming_the_end_of_a_running_job_does_not_end_the_wait()
    {
        HenvFile.Write(HenvPath, Row("COMPLETED").Fields);
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>())).ReturnsAsync(Row("RUNNING"));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        Assert.That(async () => await Waiter(Never).WaitAsync(SlurmJobId, patience.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_burst_of_notices_asks_sacct_once_while_the_gaps_are_short()
    {
        var asked = 0;
        _accounting.Setup(a => a.QueryAsync(SlurmJobId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++asked == 1 ? Row("RUNNING") : Row("COMPLETED"));
        for (var i = 0; i < 4; i++)
            await CompletionSocket.NotifyAsync(_socket.SocketPath, "3", CancellationToken.None);

        await Waiter(Never).WaitAsync(SlurmJobId, CancellationToken.None);

        // The first notice asks, the others come within the first 50 ms gap; the schedule asks the second time.
        Assert.That(asked, Is.EqualTo(2));
    }

    [Test]
    public void Dismissal_stops_the_wait()
    {
        using var dismissal = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await Waiter(Never).WaitAsync(SlurmJobId, dismissal.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
