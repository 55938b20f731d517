using System.Diagnostics;
using Zoo.Core.Jobs;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Cluster;

/// <summary>
/// How many TCP connections reach the cluster's sshd, counted by a proxy in front of it: commands and small files need
/// one, large files a second one opened when first needed, and a burst of unauthenticated FinalizeHPC calls for one
/// job none while its worker can be told over its socket, and at most one when it cannot (FinalizeHPC is public: each
/// call that connects costs the cluster an SSH login).
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
    public async Task Directories_and_small_files_travel_over_the_command_connection_alone()
    {
        Assert.That(await FileRoundTripConnectionsAsync(64 * 1024), Is.EqualTo(1));
    }

    [Test]
    public async Task Files_larger_than_the_command_channel_takes_open_a_second_connection_once_and_keep_it()
    {
        Assert.That(await FileRoundTripConnectionsAsync((int)ClusterConnection.CommandChannelLimit + 1), Is.EqualTo(2));
    }

    /// <summary>The TCP connections a directory, two uploads, a download and a checksum of a file of that size take.</summary>
    private async Task<int> FileRoundTripConnectionsAsync(int size)
    {
        await using var proxied = ProxiedCluster.Start(_cluster);
        using var local = new TempDirectory();
        var source = local.PathOf("input.bin");
        await File.WriteAllBytesAsync(source, new byte[size]);
        var root = $"zoo-tests-{Guid.NewGuid():N}";

        using (var connection = await ClusterConnection.OpenAsync(proxied.Settings, CommandTimeout))
        {
            try
            {
                await connection.CreateDirectoriesAsync([root]);
                await connection.UploadAsync(source, $"{root}/input.bin");
                await connection.UploadAsync(source, $"{root}/again.bin");
                await connection.DownloadAsync($"{root}/input.bin", local.PathOf("copy.bin"));
                await connection.Sha256Async($"{root}/input.bin");
            }
            finally
            {
                await connection.RunAsync(["rm", "-rf", "--", root]);
            }
        }

        Assert.That(new FileInfo(local.PathOf("copy.bin")).Length, Is.EqualTo(size));
        return proxied.Proxy.Accepted;
    }

    [Test]
    public async Task Twenty_parallel_finalizations_of_a_job_whose_worker_listens_make_no_connection()
    {
        var slurmJobId = await SubmitShortJobAsync();
        await using var proxied = ProxiedCluster.Start(_cluster);
        var tmpPath = Directory.CreateTempSubdirectory("zf").FullName;
        var usid = Guid.NewGuid().ToString();
        using var socket = WaitingJob(tmpPath, usid, slurmJobId);
        using var stop = new CancellationTokenSource();
        using var told = new SemaphoreSlim(0);
        var listening = ListenAsync(socket, told, stop.Token);
        var finalizer = new Finalizer(Configs.Parse(proxied.MainConfig(tmpPath)), TextWriter.Null);

        var results = await FinalizeInParallelAsync(finalizer, usid, 20);
        // A call that finds the worker's queue full of notices counts as told: the worker takes those.
        var workerTold = await told.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await listening;
        Directory.Delete(tmpPath, recursive: true);

        Assert.That(proxied.Proxy.Accepted, Is.Zero);
        Assert.That(results.Where(r => r.Outcome is not null).Select(r => r.Outcome!.Notice), Is.Not.Empty.And.All.EqualTo(FinalizeNotice.Socket));
        Assert.That(workerTold, Is.True, "the worker got no notice");
        Assert.That(results.Where(r => r.Failure is not null).Select(r => (r.Failure!.Failure, r.Failure.Message)),
            Is.All.EqualTo((FinalizeFailure.Temporary, Finalizer.InProgressMessage)));
    }

    [Test]
    public async Task Twenty_parallel_finalizations_of_a_job_whose_socket_is_out_of_reach_make_at_most_one_connection()
    {
        var slurmJobId = await SubmitShortJobAsync();
        await using var proxied = ProxiedCluster.Start(_cluster);
        // Short: the job's wait socket goes below it, and a unix socket's path has at most 107 bytes.
        var tmpPath = Directory.CreateTempSubdirectory("zf").FullName;
        var usid = Guid.NewGuid().ToString();
        var socketPath = CompletionSocket.PathFor(null, tmpPath, usid);
        WaitingJob(tmpPath, usid, slurmJobId).Dispose();
        // What another front-end sees over NFS: a socket file nobody answers on.
        File.WriteAllText(socketPath, "");
        var finalizer = new Finalizer(Configs.Parse(proxied.MainConfig(tmpPath)), TextWriter.Null);

        var results = await FinalizeInParallelAsync(finalizer, usid, 20);
        var henvWritten = File.Exists(HenvFile.PathFor(tmpPath, usid));
        Directory.Delete(tmpPath, recursive: true);

        Assert.That(proxied.Proxy.Accepted, Is.LessThanOrEqualTo(1));
        Assert.That(results.Where(r => r.Outcome is not null).Select(r => r.Outcome!.Notice), Is.EqualTo(new[] { FinalizeNotice.StatusFile }));
        Assert.That(henvWritten, Is.True);
        Assert.That(results.Where(r => r.Failure is not null).Select(r => (r.Failure!.Failure, r.Failure.Message)),
            Is.All.EqualTo((FinalizeFailure.Temporary, Finalizer.InProgressMessage)));
    }

    /// <summary><paramref name="count"/> finalizations of one job started together; each one's outcome or failure.</summary>
    private static async Task<(FinalizeOutcome? Outcome, FinalizeException? Failure)[]> FinalizeInParallelAsync(Finalizer finalizer, string usid, int count)
    {
        // Awaited, not a Barrier: 20 blocked pool threads would take the pool seconds to provide.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
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
        TestContext.Out.WriteLine($"{count} parallel FinalizeHPC calls in {clock.ElapsedMilliseconds} ms: "
            + string.Join("; ", results.GroupBy(r => r.Failure?.Failure.ToString() ?? r.Outcome!.Notice.ToString()).Select(g => $"{g.Key}: {g.Count()}")));
        return results;
    }

    /// <summary>The worker's side: takes notices until stopped, releasing <paramref name="told"/> once for each.</summary>
    private static async Task ListenAsync(CompletionSocket socket, SemaphoreSlim told, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (await socket.WaitAsync(TimeSpan.FromSeconds(30), stop) is not null)
                    told.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
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
