using System.Globalization;

namespace Zoo.Core.Jobs;

/// <summary>
/// A process as the kernel recorded it: its pid and its start time (clock ticks after boot, field 22 of
/// <c>/proc/&lt;pid&gt;/stat</c>). A pid alone names whichever process has it now; with its start time it names
/// the one the kernel started, so a recycled pid is never mistaken for a job's worker.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTime)
{
    /// <summary>The process that has this pid now, or null when there is none (or it is a zombie).</summary>
    public static ProcessIdentity? Of(int pid) =>
        ProcessStat.Read(pid) is { IsZombie: false } stat ? new ProcessIdentity(pid, stat.StartTime) : null;

    /// <summary>True while this very process runs (not a later one that got its pid).</summary>
    public bool IsAlive => ProcessStat.Read(Pid) is { IsZombie: false } stat && stat.StartTime == StartTime;

    /// <summary>"pid starttime", as the job's .pid file holds it (ZOO's readers take the leading number).</summary>
    public override string ToString() =>
        $"{Pid.ToString(CultureInfo.InvariantCulture)} {StartTime.ToString(CultureInfo.InvariantCulture)}";

    public static ProcessIdentity? Parse(string? text)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcessIdentity(pid, start)
            : null;
    }
}
