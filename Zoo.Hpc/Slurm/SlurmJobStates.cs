namespace Zoo.Hpc.Slurm;

/// <summary>The job states Slurm prints (sacct, squeue, mails), as far as waiting for a job needs them.</summary>
public static class SlurmJobStates
{
    // The states from which a job never moves on. REQUEUED, SUSPENDED, COMPLETING, CONFIGURING, RESIZING,
    // STOPPED and the like are not: the job still has to run or finish, so a waiter must keep waiting.
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
    };

    public const string Completed = "COMPLETED";

    /// <summary>Every state from which a job never moves on.</summary>
    public static IReadOnlyCollection<string> TerminalStates => Terminal;

    /// <summary>Whether a job in this state is over; only the first word counts (<c>CANCELLED by 1000</c>).</summary>
    public static bool IsTerminal(string state) => Terminal.Contains(FirstWord(state));

    /// <summary>The state without what sacct appends to it (<c>CANCELLED by 1000</c> → <c>CANCELLED</c>).</summary>
    public static string FirstWord(string state)
    {
        var trimmed = state.Trim();
        var space = trimmed.IndexOf(' ');
        return space < 0 ? trimmed : trimmed[..space];
    }
}
