using Zoo.Core.Configuration;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// Waits for a submitted job to end. A notice (FinalizeHPC, from a Slurm mail or the job script's footer) only wakes
/// the waiter: whoever can reach the socket or write tmpPath could send one, or write the <c>[henv]</c> file, so the
/// job's end is always what sacct itself answers the waiter. Notices come over the job's socket, or, from a
/// FinalizeHPC on another front-end that shares tmpPath but cannot reach the socket, as the <c>[henv]</c> file
/// <c>exec_status_&lt;usid&gt;</c>, which the waiter looks for every <see cref="StatusFileInterval"/> (inotify does
/// not see what another NFS client writes). Without a notice, the waiter asks sacct every poll interval, so a lost
/// mail never leaves the job waiting forever (the original blocks in accept() for good). After a notice it follows
/// the job closely (<see cref="FollowSchedule"/>) until Slurm records its end.
/// </summary>
/// <param name="noticed">Called at each notice, before sacct is asked: the end is near.</param>
public sealed class JobWaiter(CompletionSocket socket, IJobAccounting accounting, string henvPath, TimeSpan pollInterval,
    Action<string> report, TextWriter log, Action? noticed = null)
{
    public static readonly TimeSpan StatusFileInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long the cluster watches for the end of a job it still runs after a notice: a footer's notice comes well
    /// within it before the job script exits; past it, the follow schedule goes on.
    /// </summary>
    public static readonly TimeSpan EndWatch = TimeSpan.FromSeconds(1);

    // The last [henv] file taken, by its time: one that cannot be removed is not taken for a new notice again.
    private DateTime? _henvTaken;

    /// <summary>The job's accounting row once Slurm reports it ended (any terminal state, success or not).</summary>
    public async Task<SacctRecord> WaitAsync(string slurmJobId, CancellationToken cancellationToken)
    {
        var schedule = new FollowSchedule(pollInterval);
        var due = DateTime.UtcNow + pollInterval;
        string? lastState = null;
        while (true)
        {
            var notice = await NextNoticeAsync(due, cancellationToken).ConfigureAwait(false);
            SacctRecord? told = null;
            if (notice is not null)
            {
                noticed?.Invoke();
                told = TakeHenv();
                if (!schedule.Noticed(DateTime.UtcNow))
                    continue;
            }
            var record = await AskAsync(slurmJobId, () => accounting.QueryAsync(slurmJobId, cancellationToken)).ConfigureAwait(false);
            if (notice is not null && record is { IsTerminal: false })
            {
                Report(record);
                record = await WatchForEndAsync(slurmJobId, record, cancellationToken).ConfigureAwait(false);
            }
            if (notice is not null)
                log.WriteLine($"HPC job {slurmJobId}: notified ({notice}{(told is null ? "" : $", FinalizeHPC saw {told.State}")}), "
                    + $"Slurm state {record?.State ?? "unknown"}");
            if (record is { IsTerminal: true })
                return record;
            var now = DateTime.UtcNow;
            due = now + schedule.Asked(now);
            if (record is not null)
                Report(record);
        }

        void Report(SacctRecord record)
        {
            if (record.State == lastState)
                return;
            lastState = record.State;
            report($"Slurm job {slurmJobId} is {record.State}");
        }
    }

    /// <summary>A notice (its description) that came before <paramref name="due"/>, or null when none did.</summary>
    private async Task<string?> NextNoticeAsync(DateTime due, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (HenvWritten())
                return $"{Path.GetFileName(henvPath)} written";
            var left = due - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                return null;
            var message = await socket.WaitAsync(left < StatusFileInterval ? left : StatusFileInterval, cancellationToken).ConfigureAwait(false);
            if (message is not null)
                return $"\"{Shown(message)}\" on its socket";
        }
    }

    private bool HenvWritten()
    {
        try
        {
            return File.Exists(henvPath) && File.GetLastWriteTimeUtc(henvPath) != _henvTaken;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Shown(string notice) => notice.Length <= 16 ? notice : notice[..16] + "...";

    /// <summary>What FinalizeHPC wrote, consumed (ZOO deletes the file once read) and logged, or null when it wrote nothing.</summary>
    private SacctRecord? TakeHenv()
    {
        ConfigValues? henv;
        try
        {
            if (!File.Exists(henvPath))
                return null;
            _henvTaken = File.GetLastWriteTimeUtc(henvPath);
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

    /// <summary>
    /// Told the end is near while sacct still lists the job as running (a footer's notice comes before the job script
    /// exits): the cluster watches for the end itself and answers with sacct's row once slurmctld holds the job as
    /// ended; as sacct may lag behind slurmctld by a moment, it is asked again at once until it agrees, for
    /// <see cref="EndWatch"/> in all.
    /// </summary>
    private async Task<SacctRecord> WatchForEndAsync(string slurmJobId, SacctRecord running, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + EndWatch;
        var record = running;
        while (!record.IsTerminal && until - DateTime.UtcNow is { Ticks: > 0 } left)
        {
            if (await AskAsync(slurmJobId, () => accounting.QueryOnceEndedAsync(slurmJobId, left, cancellationToken)).ConfigureAwait(false)
                is not { } answer)
                break;
            record = answer;
        }
        return record;
    }

    /// <summary>sacct's answer; an unreachable cluster is logged and asked again later, since the job runs on regardless.</summary>
    private async Task<SacctRecord?> AskAsync(string slurmJobId, Func<Task<SacctRecord?>> sacct)
    {
        try
        {
            return await sacct().ConfigureAwait(false);
        }
        catch (ClusterConnectionException e)
        {
            log.WriteLine($"HPC job {slurmJobId}: sacct not available, asking again later: {e.Message}");
            return null;
        }
    }
}
