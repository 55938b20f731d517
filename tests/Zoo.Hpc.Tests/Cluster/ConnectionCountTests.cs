using System.Diagnostics;
using Zoo.Core.Jobs;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Cluster;

/// <summary>
/// How many TCP connections reach the cluster's sshd, counted by a proxy in front of it: a command needs one, files
/// a second one opened when first needed, and a burst of unauthenticated FinalizeHPC calls for one job at most one
/// (FinalizeHPC is public: each call that connects costs the cluster an SSH login).
/// </summary>
[Category("Cluster")]
[NonParallelizable]
public class ConnectionCountTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private ClusterEnvironment _cluster = null!;

    [SetUp]
    public void RequireCluster() => _cluster = ClusterEnvironment.Require();

    [Test]
    public async Task A_connection_used_only_for_commands_opens_one_TCP_connection()
    {
        await using var proxied = ProxiedCluster.Start(_cluster);

        using (var connection = await ClusterConnection.OpenAsync(proxied.Settings, CommandTimeout))
        {
            var result = await connection.RunAsync(["sacct", "--version"]);
            Assert.That(result.ExitStatus, Is.Zero, result.StandardError);
        }

        Assert.That(proxied.Proxy.Accepted, Is.EqualTo(1));
    }

    [Test]
    public async Task File_operations_open_a_second_connection_once_and_keep_it()
    {
        await using var proxied = ProxiedCluster.Start(_cluster);
        using var local = new TempDirectory();
        var source = local.Write("input.txt", "some input");
        var root = $"zoo-tests-{Guid.NewGuid():N}";

        using (var connection = await ClusterConnection.OpenAsync(proxied.Settings, CommandTimeout))
        {
            try
            {
                await connection.CreateDirectoriesAsync(root);
                await connection.UploadAsync(source, $"{root}/input.txt");
                await connection.DownloadAsync($"{root}/input.txt", local.PathOf("copy.txt"));
                Assert.That(await connection.ExistsAsync($"{root}/input.txt"), Is.True);
            }
            finally
            {
                await connection.RunAsync(["rm", "-rf", "--", root]);
            }
        }

        Assert.That(proxied.Proxy.Accepted, Is.EqualTo(2));
        Assert.That(File.ReadAllText(local.PathOf("copy.txt")), Is.EqualTo("some input"));
    }

    [Test]
    public async Task Twenty_parallel_finalizations_of_one_waiting_job_make_at_most_one_connection()
    {
        var slurmJobId = await SubmitShortJobAsync();
        await using var proxied = ProxiedCluster.Start(_cluster);
        // Short: the job's wait socket goes below it, and a unix socket's path has at most 107 bytes.
        var tmpPath = Directory.CreateTempSubdirectory("zf").FullName;
        var usid = Guid.NewGuid().ToString();
        using var socket = WaitingJob(tmpPath, usid, slurmJobId);
        var finalizer = new Finalizer(Configs.Parse(proxied.MainConfig(tmpPath)), TextWriter.Null);
        // Awaited, not a Barrier: 20 blocked pool threads would take the pool seconds to provide.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return (Outcome: await finalizer.FinalizeAsync(usid, TimeSpan.Zero, CancellationToken.None), Failure: (FinalizeException?)null);
            }
            catch (FinalizeException e)
            {
                return (Outcome: (FinalizeOutcome?)null, Failure: e);
            }
        })).ToArray();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        var results = await Task.WhenAll(calls);
        clock.Stop();
        Directory.Delete(tmpPath, recursive: true);

        TestContext.Out.WriteLine($"20 parallel FinalizeHPC calls: {proxied.Proxy.Accepted} TCP connection(s) in {clock.ElapsedMilliseconds} ms; "
            + string.Join("; ", results.GroupBy(r => r.Failure?.Failure.ToString() ?? "finalized").Select(g => $"{g.Key}: {g.Count()}")));
        Assert.That(proxied.Proxy.Accepted, Is.LessThanOrEqualTo(1));
        Assert.That(results.Count(r => r.Outcome is not null), Is.EqualTo(1), "one call finalized the job");
        Assert.That(results.Where(r => r.Failure is not null).Select(r => (r.Failure!.Failure, r.Failure.Message)),
            Is.All.EqualTo((FinalizeFailure.Temporary, Finalizer.InProgressMessage)));
    }

    /// <summary>A job as its worker leaves it while it waits: lenv, the worker's pid file (this process), the wait socket.</summary>
    private static CompletionSocket WaitingJob(string tmpPath, string usid, string slurmJobId)
    {
        var store = new JobStore(tmpPath);
        var socket = CompletionSocket.Listen(CompletionSocket.PathFor(null, tmpPath, usid));
        store.Create(usid, 1);
        store.MarkRunning(usid, ProcessIdentity.Of(Environment.ProcessId)!);
        store.WriteLenv(usid, [new("usid", usid), new("sbatch_id", slurmJobId), new("confId", "HPC"), new("configId", "hpc-proxied"),
            new("wait_socket", socket.SocketPath)]);
        return socket;
    }

    /// <summary>
    /// A job Slurm's accounting lists, for sacct to report on; submitted directly, so the proxy counts only the
    /// finalizations, and waited for: slurmdbd records a new job a moment after sbatch returns.
    /// </summary>
    private async Task<string> SubmitShortJobAsync()
    {
        using var connection = await ClusterConnection.OpenAsync(_cluster.Settings(), CommandTimeout);
        var submitted = await connection.RunAsync(["sbatch", "--parsable", "--output=/dev/null", "--wrap", "sleep 5"]);
        Assert.That(submitted.ExitStatus, Is.Zero, submitted.StandardError);
        var slurmJobId = submitted.StandardOutput.Trim().Split(';')[0];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await connection.RunAsync(["sacct", "-j", slurmJobId, "-X", "-n", "-P", "--format=JobID"])).StandardOutput.Trim() != slurmJobId)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"sacct did not list the Slurm job {slurmJobId} within 30 s");
            await Task.Delay(200);
        }
        return slurmJobId;
    }
}
