using System.Runtime.InteropServices;

namespace Zoo.Core.Jobs;

/// <summary>
/// A worker is started by setsid, so it leads a process group holding everything it started (the
/// python3 of its service and that one's children): stopping the group stops the whole job, even
/// when the worker itself is already gone.
/// </summary>
public static partial class ProcessGroup
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    public static void Kill(int leader)
    {
        if (leader > 1)
            _ = KillSignal(-leader, SigKill);
    }

    /// <summary>Asks the group to stop: the worker then ends what it started elsewhere (a Slurm job) before it exits.</summary>
    public static void Terminate(int leader)
    {
        if (leader > 1)
            _ = KillSignal(-leader, SigTerm);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillSignal(int pid, int signal);
}
