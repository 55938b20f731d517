using System.Net.Sockets;
using Zoo.Core.Configuration;
using Zoo.Core.Jobs;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Submission;

namespace Zoo.Hpc.Completion;

/// <summary>
/// FinalizeHPC's work for one job, whoever calls it (a WPS Execute, a Slurm mail, a maildir pass): finds the job
/// from its saved lenv and tells its waiting worker, which then asks sacct about the job itself over the connection
/// it holds, and believes nothing else. So a call costs no login to the cluster, and the worker acts at once.
/// <para>
/// When the worker's socket cannot be reached (FinalizeHPC runs on another front-end that shares tmpPath with the
/// worker's, over NFS), FinalizeHPC does what ZOO's FinalizeHPC1 does: asks sacct about the job (by id, with
/// <c>--parsable2</c>; the original greps the day's whole listing for the usid) and writes the <c>[henv]</c> file
/// <c>exec_status_&lt;usid&gt;</c> atomically, which the worker watches. Either way a job is never released on a
/// notice alone: the worker follows the job until sacct records its end (a footer calls FinalizeHPC from inside the
/// job), so calling FinalizeHPC for somebody else's job (it has no authorization, as in ZOO) cannot fake its end.
/// </para>
/// <para>
/// Since anyone may call it, a call costs nothing unless it can matter: whatever can be refused here is refused
/// before anything else (an unknown job, one that ended, one whose worker no longer waits), and of several calls for
/// one job only the one holding its <see cref="FinalizeLock"/> goes on; the others are told to come back.
/// </para>
/// </summary>
public sealed class Finalizer(MainConfig config, TextWriter log, IClusterConnectionFactory connections)
{
    public const string SuccessResult = "\"FinalizeHPC run successfully\"";

    public const string InProgressMessage = "A finalization of this job is already in progress";

    private static readonly TimeSpan SettleInterval = TimeSpan.FromMilliseconds(500);

    // A worker takes a notice within milliseconds; one whose socket is this slow to take it is as good as out of reach.
    private static readonly TimeSpan NoticeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A finalizer that reaches the cluster over SSH.</summary>
    public Finalizer(MainConfig config, TextWriter log)
        : this(config, log, new ClusterConnectionFactory())
    {
    }

    /// <param name="settle">
    /// When the worker's socket is out of reach, how long to wait for sacct to record the end when the caller knows
    /// the job ended (a Slurm END mail): Slurm mails as the job ends, and its accounting may lag by a moment.
    /// </param>
    /// <exception cref="FinalizeException">
    /// unknown or ended job, a job no longer waited for, another finalization of the job under way, and when the
    /// socket is out of reach: broken configuration, cluster or sacct failure.
    /// </exception>
    public async Task<FinalizeOutcome> FinalizeAsync(string usid, TimeSpan settle, CancellationToken cancellationToken)
    {
        if (config.TmpPath is not { Length: > 0 } tmpPath)
            throw new FinalizeException("tmpPath is not set in the [main] section of main.cfg", FinalizeFailure.Permanent);
        var store = new JobStore(tmpPath);
        // A malformed id never reaches a path: ZOO builds <tmpPath>/<JobId>_lenv.cfg from it as given.
        if (!JobId.IsWellFormed(usid) || !File.Exists(store.LenvFile(usid)))
            throw new FinalizeException("Unable to read the lenv section file of the requested jobid", FinalizeFailure.UnknownJob);
        RefuseIfEnded(store, usid);
        var lenv = ReadLenv(store, usid);
        var slurmJobId = SlurmJobId(lenv, tmpPath, usid);
        RefuseUnlessWaited(store, usid, lenv, slurmJobId);

        using var finalization = Lock(tmpPath, usid);
        // Again under the lock: the finalization that held it until a moment ago may have ended the wait.
        RefuseIfEnded(store, usid);
        RefuseUnlessWaited(store, usid, lenv, slurmJobId);
        if (await NotifyAsync(lenv["wait_socket"], usid, cancellationToken).ConfigureAwait(false))
            return new FinalizeOutcome(usid, FinalizeNotice.Socket, null);

        var configuration = Configuration(lenv);
        SacctRecord record;
        using (var session = new ClusterSession(configuration, connections))
            record = await QueryAsync(new SacctAccounting(session), slurmJobId, settle, cancellationToken).ConfigureAwait(false);
        HenvFile.Write(HenvFile.PathFor(tmpPath, usid), HenvFile.ValuesOf(record));
        return new FinalizeOutcome(usid, FinalizeNotice.StatusFile, record);
    }

    private static void RefuseIfEnded(JobStore store, string usid)
    {
        if (store.Ending(usid) is { } ending)
            throw new FinalizeException($"The job {usid} has already ended ({(ending.Succeeded ? "succeeded" : "failed")}).",
                FinalizeFailure.AlreadyEnded);
    }

    /// <summary>
    /// Refuses a job nobody waits for any more: nothing FinalizeHPC writes would be read. Its worker removes the wait
    /// socket once Slurm's end is known (the job is being finished, a second mail changes nothing), and a worker that
    /// died leaves a job that GetStatus reports failed.
    /// </summary>
    private static void RefuseUnlessWaited(JobStore store, string usid, ConfigValues lenv, string slurmJobId)
    {
        // Another front-end's worker: its process and its socket are not to be seen from here, only its .res.
        if (!WorkerHost.IsHere(lenv[WorkerHost.LenvKey]))
            return;
        if (lenv["wait_socket"] is { Length: > 0 } socketPath && !File.Exists(socketPath))
            throw new FinalizeException($"The job {usid} no longer waits for its Slurm job {slurmJobId}.", FinalizeFailure.AlreadyEnded);
        if (store.Worker(usid) is not { IsAlive: true })
            throw new FinalizeException($"The job {usid} no longer waits for its Slurm job {slurmJobId}: its worker is gone.",
                FinalizeFailure.AlreadyEnded);
    }

    /// <summary>The job's finalization lock, or a temporary failure when another finalization holds it.</summary>
    private static FinalizeLock Lock(string tmpPath, string usid)
    {
        FinalizeLock? held;
        try
        {
            held = FinalizeLock.TryAcquire(FinalizeLock.PathFor(tmpPath, usid));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FinalizeException($"Unable to take the finalization lock of the job {usid}: {e.Message}", FinalizeFailure.Temporary);
        }
        return held ?? throw new FinalizeException(InProgressMessage, FinalizeFailure.Temporary);
    }

    private static ConfigValues ReadLenv(JobStore store, string usid)
    {
        try
        {
            return IniDocument.Read(store.LenvFile(usid))["lenv"];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigurationException)
        {
            throw new FinalizeException("Unable to read the lenv section file of the requested jobid", FinalizeFailure.UnknownJob);
        }
    }

    /// <summary>The id sbatch gave: in lenv, or in exec_out_&lt;usid&gt; where the original keeps it.</summary>
    private static string SlurmJobId(ConfigValues lenv, string tmpPath, string usid)
    {
        var id = lenv["sbatch_id"] ?? JobStore.ReadSmall(Path.Combine(tmpPath, JobSubmitter.ExecOutFileName(usid)));
        return id is { Length: > 0 } && id.All(c => char.IsAsciiDigit(c) || c == '_')
            ? id
            : throw new FinalizeException("No service with this jobid can be found", FinalizeFailure.UnknownJob);
    }

    private ClusterConfiguration Configuration(ConfigValues lenv)
    {
        HpcSettings settings;
        try
        {
            settings = HpcSettings.Load(config, lenv["confId"]);
        }
        catch (ConfigurationException e)
        {
            throw new FinalizeException(e.Message, FinalizeFailure.Permanent);
        }
        var configId = lenv["configId"] ?? "";
        return settings.Configuration(configId)
               ?? throw new FinalizeException($"The job ran with the configuration [{configId}], which main.cfg no longer names in [{settings.ConfId}].",
                   FinalizeFailure.Permanent);
    }

    private static async Task<SacctRecord> QueryAsync(IJobAccounting accounting, string slurmJobId, TimeSpan settle,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + settle;
        while (true)
        {
            SacctRecord? record;
            try
            {
                record = await accounting.QueryAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterConnectionException e)
            {
                throw new FinalizeException($"Failed to run sacct remotely: {e.Message}", FinalizeFailure.Temporary);
            }
            if ((record is not null && record.IsTerminal) || DateTime.UtcNow >= deadline)
                return record ?? throw new FinalizeException($"Failed to run sacct remotely: sacct does not list the Slurm job {slurmJobId} (yet).",
                    FinalizeFailure.Temporary);
            await Task.Delay(SettleInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the worker over its socket; false when the socket cannot be reached from here.</summary>
    private async Task<bool> NotifyAsync(string? socketPath, string usid, CancellationToken cancellationToken)
    {
        if (socketPath is not { Length: > 0 })
            return false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(NoticeTimeout);
        string problem;
        try
        {
            await CompletionSocket.NotifyAsync(socketPath, "3", deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
        {
            // Its queue is full of notices it has not taken yet (a burst of calls): it will wake, and once is enough.
            return true;
        }
        catch (SocketException e)
        {
            problem = e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = $"no answer within {NoticeTimeout.TotalSeconds:0} s";
        }
        log.WriteLine($"FinalizeHPC {usid}: cannot reach the worker's socket {socketPath} ({problem}): "
            + $"writing {HenvFile.FileName(usid)}, which it watches");
        return false;
    }
}
