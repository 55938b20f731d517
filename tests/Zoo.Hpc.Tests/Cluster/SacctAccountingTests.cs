using System.Diagnostics;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Tests.Cluster;

namespace Zoo.Hpc.Tests.Cluster;

/// <summary>sacct asked on the test cluster once slurmctld holds a job as ended: what a worker told the end is near does.</summary>
[Category("Cluster")]
[NonParallelizable]
public sealed class SacctAccountingTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    private ClusterSession _session = null!;

    [SetUp]
    public void Connect()
    {
        var cluster = ClusterEnvironment.Require();
        var configuration = new ClusterConfiguration("hpc-test", cluster.Settings(), cluster.RemoteHome, null, cluster.RemoteHome,
            new JobScriptFiles(null, null, null), [], null, "1", null, TimeSpan.FromMinutes(1));
        _session = new ClusterSession(configuration, new ClusterConnectionFactory());
    }

    [TearDown]
    public void Close() => _session.Dispose();

    [Test]
    public async Task A_running_job_is_answered_with_its_ended_row_once_it_ends()
    {
        var slurmJobId = await SubmitAsync("sleep 2");

        var row = await new SacctAccounting(_session).QueryOnceEndedAsync(slurmJobId, Window, CancellationToken.None);

        Assert.That(row?.State, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_job_slurmctld_does_not_know_is_asked_at_once_not_watched_for()
    {
        var clock = Stopwatch.StartNew();

        var row = await new SacctAccounting(_session).QueryOnceEndedAsync("999999999", Window, CancellationToken.None);

        Assume.That(row, Is.Null, "sacct lists a job 999999999");
        Assert.That(clock.Elapsed, Is.LessThan(Window / 4));
    }

    private async Task<string> SubmitAsync(string command)
    {
        var submitted = await _session.UseAsync(connection =>
            connection.RunAsync(["sbatch", "--parsable", "--output=/dev/null", "--wrap", command], CancellationToken.None), CancellationToken.None);
        Assert.That(submitted.ExitStatus, Is.EqualTo(0), submitted.StandardError);
        return submitted.StandardOutput.Trim().Split(';')[0];
    }
}
