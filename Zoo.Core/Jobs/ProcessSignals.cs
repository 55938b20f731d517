using System.Globalization;
using System.Runtime.InteropServices;

namespace Zoo.Core.Jobs;

/// <summary>
/// Signals everything a job started, and nothing else. A worker leads a session of its own (setsid) and a
/// service's interpreter leads a process group of its own, so "the job's processes" are the members of that
/// session or group. Their id is the leader's pid, which Linux recycles once the leader and every member are
/// gone; so a member is signalled only when the leader is still the recorded process, or is gone while members
/// remain (then the number cannot have been given to anybody else). Each member is signalled through a pidfd
/// opened before it is checked, so a process that exits meanwhile is not confused with the next owner of its pid.
/// </summary>
public static partial class ProcessSignals
{
    public const int Kill = 9;
    public const int Terminate = 15;

    private const long PidfdOpenCall = 434;
    private const long PidfdSendSignalCall = 424;

    /// <summary>Signals every process of the session the recorded worker leads (the worker included).</summary>
    public static void SignalSession(ProcessIdentity leader, int signal) => SignalMembers(leader, signal, stat => stat.Session);

    /// <summary>Signals every process of the process group the recorded process leads (the leader included).</summary>
    public static void SignalGroup(ProcessIdentity leader, int signal) => SignalMembers(leader, signal, stat => stat.Group);

    /// <summary>Signals the recorded process alone, if it still runs.</summary>
    public static void SignalProcess(ProcessIdentity process, int signal)
    {
        using var pidfd = PidFd.Open(process.Pid);
        if (pidfd is not null && ProcessStat.Read(process.Pid) is { } stat && stat.StartTime == process.StartTime)
            pidfd.Send(signal);
    }

    private static void SignalMembers(ProcessIdentity leader, int signal, Func<ProcessStat, int> membership)
    {
        var current = ProcessStat.Read(leader.Pid);
        // The leader's pid belongs to another process now: the job's session or group is long gone.
        if (current is not null && current.StartTime != leader.StartTime)
            return;
        foreach (var pid in AllPids())
        {
            if (ProcessStat.Read(pid) is not { } before)
                continue;
            // The leader's pid was given to a new process while we looked: what shares it now is not the job's.
            if (pid == leader.Pid && before.StartTime != leader.StartTime)
                return;
            if (membership(before) != leader.Pid)
                continue;
            using var pidfd = PidFd.Open(pid);
            if (pidfd is not null && ProcessStat.Read(pid) is { } after && membership(after) == leader.Pid && after.StartTime == before.StartTime)
                pidfd.Send(signal);
        }
    }

    private static IEnumerable<int> AllPids()
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                yield return pid;
        }
    }

    /// <summary>A pidfd: a handle on one process that stays about that process even when its pid is reused.</summary>
    private sealed class PidFd(int descriptor) : IDisposable
    {
        public static PidFd? Open(int pid)
        {
            var descriptor = (int)Syscall(PidfdOpenCall, pid, 0);
            return descriptor >= 0 ? new PidFd(descriptor) : null;
        }

        public void Send(int signal) => _ = Syscall(PidfdSendSignalCall, descriptor, signal, IntPtr.Zero, 0);

        public void Dispose() => _ = CloseDescriptor(descriptor);
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int pidfd, int signal, IntPtr info, uint flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseDescriptor(int descriptor);
}
