using System.Globalization;

namespace Zoo.Hpc.Slurm;

/// <summary>
/// Asks sacct about one job and reads its answer. ZOO's FinalizeHPC ran <c>sacct -p</c> over the
/// day's jobs, grepped the usid and replaced empty fields by <c>None</c> for a tokenizer that skipped
/// them; here the job is asked for by its Slurm id, one row per job (<c>-X</c>), and fields are
/// split exactly, empty ones included.
/// </summary>
public static class Sacct
{
    // What waiting for a job needs, whatever the operator lists in remote_command_opt.
    private static readonly string[] Required = ["JobID", "JobName", "State", "ExitCode", "WorkDir"];

    /// <summary>
    /// The field names of remote_command_opt (a comma list; a <c>%&lt;width&gt;</c> suffix, meaningless
    /// with <c>-P</c>, is dropped; blanks trimmed; duplicates dropped), then JobID, JobName, State,
    /// ExitCode and WorkDir when missing.
    /// </summary>
    public static IReadOnlyList<string> Fields(string? remoteCommandOpt)
    {
        var fields = new List<string>();
        foreach (var item in (remoteCommandOpt ?? "").Split(','))
        {
            var percent = item.IndexOf('%');
            var name = (percent < 0 ? item : item[..percent]).Trim();
            if (name.Length > 0 && !Contains(fields, name))
                fields.Add(name);
        }
        foreach (var name in Required)
            if (!Contains(fields, name))
                fields.Add(name);
        return fields;
    }

    /// <summary>
    /// <c>sacct -j &lt;id&gt; -X -n -P --format=&lt;fields&gt;</c>, one element per argument. With <c>-j</c>
    /// sacct searches from the epoch, not from midnight, so a job submitted yesterday is still found.
    /// </summary>
    /// <exception cref="ArgumentException">the id is not a Slurm job id (digits).</exception>
    public static IReadOnlyList<string> Command(string slurmJobId, IReadOnlyList<string> fields)
    {
        if (slurmJobId.Length == 0 || !slurmJobId.All(char.IsAsciiDigit))
            throw new ArgumentException($"not a Slurm job id: \"{slurmJobId}\"", nameof(slurmJobId));
        return ["sacct", "-j", slurmJobId, "-X", "-n", "-P", "--format=" + string.Join(',', fields)];
    }

    /// <summary>How often <see cref="CommandOnceEnded"/> asks slurmctld.</summary>
    public static readonly TimeSpan EndWatchInterval = TimeSpan.FromMilliseconds(50);

    // $1 the job id, $2 how many times to ask slurmctld at most, $3 the pause between two looks (seconds), $4 the terminal
    // states (words), then the sacct command.
    // scontrol answers from slurmctld's memory in a few milliseconds where sacct costs a query of the accounting
    // database (about 100 ms on the test cluster): the cluster watches for the end itself, with no round trip per look.
    // scontrol missing, or no longer knowing the job, ends the watch at once.
    private const string EndWatchScript =
        "id=$1 n=$2 pause=$3 ended=$4; shift 4; while [ \"$n\" -gt 0 ]; do s=$(scontrol -o show job \"$id\" 2>/dev/null) || break;"
        + " for t in $ended; do case $s in *\"JobState=$t \"*) break 2;; esac; done; sleep \"$pause\" || break; n=$((n - 1)); done; exec \"$@\"";

    /// <summary>
    /// <see cref="Command"/>, run on the cluster once slurmctld holds the job in a terminal state, or after
    /// <paramref name="within"/> at the latest: for a job whose end is near, the accounting row as soon as it can say so.
    /// </summary>
    /// <exception cref="ArgumentException">the id is not a Slurm job id (digits).</exception>
    public static IReadOnlyList<string> CommandOnceEnded(string slurmJobId, IReadOnlyList<string> fields, TimeSpan within)
    {
        var sacct = Command(slurmJobId, fields);
        var looks = Math.Max(1, (int)Math.Ceiling(within / EndWatchInterval));
        return ["sh", "-c", EndWatchScript, "sh", slurmJobId, looks.ToString(CultureInfo.InvariantCulture),
            EndWatchInterval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            string.Join(' ', SlurmJobStates.TerminalStates.Order(StringComparer.Ordinal)), .. sacct];
    }

    /// <summary>
    /// The row of that job in sacct's <c>--parsable2 --noheader</c> output, or null when sacct does not
    /// list it (yet). Each row has one value per field, split on <c>|</c>; a <c>|</c> inside the last
    /// value stays in it. Lines of another job or of a step (<c>42.batch</c>) are skipped, and so are
    /// lines with too few values to be a row.
    /// </summary>
    /// <exception cref="ArgumentException">the fields do not include JobID.</exception>
    public static SacctRecord? Parse(string output, IReadOnlyList<string> fields, string slurmJobId)
    {
        var jobIdIndex = IndexOf(fields, "JobID");
        if (jobIdIndex < 0)
            throw new ArgumentException("the sacct fields must include JobID", nameof(fields));
        foreach (var line in output.Split('\n'))
        {
            var values = line.TrimEnd('\r').Split('|', fields.Count);
            if (values.Length == fields.Count && values[jobIdIndex] == slurmJobId)
                return new SacctRecord(fields.Select((name, i) => KeyValuePair.Create(name, values[i])).ToArray());
        }
        return null;
    }

    private static bool Contains(List<string> fields, string name) => IndexOf(fields, name) >= 0;

    private static int IndexOf(IReadOnlyList<string> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
            if (string.Equals(fields[i], name, StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }
}
