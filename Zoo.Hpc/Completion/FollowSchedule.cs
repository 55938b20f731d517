namespace Zoo.Hpc.Completion;

/// <summary>
/// When a waiting worker next asks sacct. Without notice, every poll interval (<c>sacct_poll_interval</c>). A notice
/// says the job ends now: a footer's comes a few tens of milliseconds before the job script exits, a mail's just
/// after, and Slurm's accounting records the end some tens of milliseconds later. So sacct is asked at once, then
/// every 50 ms five times, then 100, 200 and 400 ms apart, then every 500 ms, for a minute after the last notice:
/// close while the end is likely (about ten sacct runs in the first two seconds), without asking twice a second for
/// hours when a notice came early (the original's pollers call FinalizeHPC1 every few seconds from the submission on).
/// A notice that comes while the gaps are still short asks nothing more (anyone may call FinalizeHPC; a burst of calls
/// must not become a burst of sacct runs); it only makes the minute longer.
/// </summary>
public sealed class FollowSchedule(TimeSpan pollInterval)
{
    public static readonly IReadOnlyList<TimeSpan> Gaps =
    [
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50),
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400),
        TimeSpan.FromMilliseconds(500),
    ];

    public static readonly TimeSpan FollowPeriod = TimeSpan.FromSeconds(60);

    private DateTime _followUntil = DateTime.MinValue;
    private int _step;

    /// <summary>A notice came at <paramref name="now"/>: true when sacct is to be asked at once.</summary>
    public bool Noticed(DateTime now)
    {
        var closely = now < _followUntil && _step < Gaps.Count - 1;
        _followUntil = now + FollowPeriod;
        if (closely)
            return false;
        _step = 0;
        return true;
    }

    /// <summary>sacct was asked at <paramref name="now"/> (and did not report the end): how long until it is asked again.</summary>
    public TimeSpan Asked(DateTime now)
    {
        if (now >= _followUntil)
            return pollInterval;
        var gap = Gaps[Math.Min(_step, Gaps.Count - 1)];
        _step++;
        return gap < pollInterval ? gap : pollInterval;
    }
}
