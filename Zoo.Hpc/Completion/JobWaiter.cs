using Zoo.Core.Configuration;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// Waits for a submitted job to end. A notice on the job's socket (FinalizeHPC, from a Slurm mail or the job
/// script's footer) only wakes the waiter: whoever can reach the socket or write tmpPath could send one, or write
/// the <c>[henv]</c> file it announces, so the job's end is always what sacct itself answers the waiter. Without a
/// notice, the waiter asks sacct every poll interval, so a lost mail never leaves the job waiting forever (the
/// original blocks in accept() for good). A notice that comes while Slurm still lists the job as running (a footer
/// calls FinalizeHPC from inside the job) makes the waiter follow the job closely until Slurm records its end.
/// </summary>
public sealed class JobWaiter(CompletionSocket socket, IJobAccounting accounting, string henvPath, TimeSpan pollInterval,
    Action<string> report, TextWriter log)
{
    public static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(500);

    // A notice that came too early (the original's pollers call FinalizeHPC1 every few seconds from the submission
    // on) must not make the waiter query sacct twice a second for hours.
    public static readonly TimeSpan FollowPeriod = TimeSpan.FromSeconds(60);

    /// <summary>The job's accounting row once Slurm reports it ended (any terminal state, success or not).</summary>
    public async Task<SacctRecord> WaitAsync(string slurmJobId, CancellationToken cancellationToken)
    {
        var followUntil = DateTime.MinValue;
        string? lastState = null;
        while (true)
        {
            var following = DateTime.UtcNow < followUntil;
            var notice = await socket.WaitAsync(following ? FollowInterval : pollInterval, cancellationToken).ConfigureAwait(false);
            SacctRecord? record;
            if (notice is null)
                record = await QueryAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
            else
            {
                var told = TakeHenv();
                record = await QueryAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
                log.WriteLine($"HPC job {slurmJobId}: notified (\"{Shown(notice)}\", FinalizeHPC saw {told?.State ?? "nothing"}), "
                    + $"Slurm state {record?.State ?? "unknown"}");
                followUntil = DateTime.UtcNow + FollowPeriod;
            }
            if (record is null)
                continue;
            if (record.IsTerminal)
                return record;
            if (record.State != lastState)
            {
                lastState = record.State;
                report($"Slurm job {slurmJobId} is {record.State}");
            }
        }
    }

    private static string Shown(string notice) => notice.Length <= 16 ? notice : notice[..16] + "...";

    /// <summary>What FinalizeHPC wrote, consumed (ZOO deletes the file once read) and logged, or null when it wrote nothing.</summary>
    private SacctRecord? TakeHenv()
    {
        ConfigValues? henv;
        try
        {
            henv = HenvFile.Read(henvPath);
            File.Delete(henvPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigurationException)
        {
            log.WriteLine($"HPC job: unreadable {henvPath}: {e.Message}");
            return null;
        }
        return henv is null || henv.Count == 0 ? null : new SacctRecord(henv);
    }

    /// <summary>sacct's answer; an unreachable cluster is logged and asked again later, since the job runs on regardless.</summary>
    private async Task<SacctRecord?> QueryAsync(string slurmJobId, CancellationToken cancellationToken)
    {
        try
        {
            return await accounting.QueryAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterConnectionException e)
        {
            log.WriteLine($"HPC job {slurmJobId}: sacct not available, asking again later: {e.Message}");
            return null;
        }
    }
}
