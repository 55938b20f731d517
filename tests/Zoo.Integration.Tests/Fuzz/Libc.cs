using System.Runtime.InteropServices;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>
/// The few libc calls <see cref="CgiSpawn"/> needs to start a CGI exactly as a web server does (raw bytes in
/// its environment, its own process group, pipes for its standard streams) and to watch it without threads:
/// one poll(2) loop over its pipes and a pidfd. Linux x86-64 glibc (Debian 12), like the rest of the suite.
/// DllImport with blittable arguments only: the test project does not allow unsafe code.
/// </summary>
internal static class Libc
{
    private const string Lib = "libc";

    public const int OCloexec = 0x80000;
    public const int ONonblock = 0x800;
    public const int FGetfl = 3;
    public const int FSetfl = 4;

    public const short PosixSpawnSetpgroup = 0x02;
    public const short PosixSpawnSetsigdef = 0x04;
    public const short PosixSpawnSetsigmask = 0x08;

    public const short PollIn = 0x001;
    public const short PollOut = 0x004;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const short PollNval = 0x020;

    public const int Eintr = 4;
    public const int Eagain = 11;
    public const int Epipe = 32;

    public const int Sigkill = 9;
    public const int Sigstop = 19;

    /// <summary>glibc's posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336 on x86-64; room to spare.</summary>
    public const int OpaqueSize = 1024;

    /// <summary>sigset_t: 1024 bits.</summary>
    public const int SigsetSize = 128;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport(Lib, SetLastError = true)]
    public static extern int pipe2([Out] int[] fds, int flags);

    [DllImport(Lib, SetLastError = true)]
    public static extern int fcntl(int fd, int command, int argument);

    [DllImport(Lib, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Lib, SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nint count);

    [DllImport(Lib, SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nint count);

    [DllImport(Lib, SetLastError = true)]
    public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMilliseconds);

    [DllImport(Lib, SetLastError = true)]
    public static extern int kill(int pid, int signal);

    [DllImport(Lib, SetLastError = true)]
    public static extern int pidfd_open(int pid, uint flags);

    [DllImport(Lib, SetLastError = true)]
    public static extern int wait4(int pid, out int status, int options, IntPtr rusage);

    [DllImport(Lib)]
    public static extern int posix_spawn(out int pid, byte[] path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_init(IntPtr fileActions);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_destroy(IntPtr fileActions);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_adddup2(IntPtr fileActions, int fd, int newFd);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_addchdir_np(IntPtr fileActions, byte[] path);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_init(IntPtr attributes);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_destroy(IntPtr attributes);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setflags(IntPtr attributes, short flags);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setpgroup(IntPtr attributes, int processGroup);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setsigdefault(IntPtr attributes, IntPtr signals);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setsigmask(IntPtr attributes, IntPtr signals);

    [DllImport(Lib)]
    public static extern int sigemptyset(IntPtr signals);

    [DllImport(Lib)]
    public static extern int sigaddset(IntPtr signals, int signal);

    [DllImport(Lib)]
    public static extern IntPtr strerror(int error);

    public static string Describe(int error) => $"{Marshal.PtrToStringUTF8(strerror(error))} (errno {error})";

    public static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 5 => "SIGTRAP", 6 => "SIGABRT", 7 => "SIGBUS",
        8 => "SIGFPE", 9 => "SIGKILL", 11 => "SIGSEGV", 13 => "SIGPIPE", 14 => "SIGALRM", 15 => "SIGTERM",
        24 => "SIGXCPU", 25 => "SIGXFSZ", 31 => "SIGSYS",
        _ => "signal " + signal,
    };
}
