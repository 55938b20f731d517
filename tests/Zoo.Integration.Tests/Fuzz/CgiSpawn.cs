using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>What one CGI process did: its output, how it ended, how long it took and its peak memory.</summary>
public sealed record CgiRun(
    byte[] Output,
    bool OutputCut,
    string ErrorHead,
    long ErrorBytes,
    int? ExitCode,
    int? Signal,
    bool KilledAtDeadline,
    bool OutputHeldOpen,
    TimeSpan Elapsed,
    long PeakRssBytes,
    long BodyBytesWritten,
    string? SpawnError);

/// <summary>
/// Runs a CGI as a web server does, as a leaner variant of <see cref="Support.CgiProcess.Execute"/>: the
/// variables (raw bytes: <see cref="System.Diagnostics.ProcessStartInfo"/> can only pass valid UTF-16 strings) as
/// its whole environment, its directory as working directory, the body streamed to its standard input while its
/// output is read, in a process group of its own so that a hung request is killed with everything it started.
/// One thread per run: a poll(2) loop over the three pipes and a pidfd, no helper threads, no sleeps.
/// </summary>
/// <remarks>
/// Peak memory is the process's VmHWM from /proc/&lt;pid&gt;/status, sampled at every wake-up of the loop and
/// at least every 2 ms until it exits. getrusage(RUSAGE_CHILDREN) / wait4's ru_maxrss would be exact
/// but are wrong here: on exec, Linux folds the high-water mark of the address space being replaced into the
/// new program's ru_maxrss, and posix_spawn (vfork semantics) or fork makes that the test host's own address
/// space. A /bin/true started by a 300 MB process reports ru_maxrss = 321 MB, so every CGI would appear to
/// use the test host's memory. VmHWM belongs to the CGI's own address space (created by exec) and, being a
/// high-water mark, a sample taken after a peak still sees it; only a peak in the last 2 ms before
/// exit (after the answer is written) could go unseen.
/// </remarks>
public static class CgiSpawn
{
    private const int SampleMilliseconds = 2;
    private const long OutputCap = 128L * 1024 * 1024;
    private const int ErrorHeadBytes = 16 * 1024;

    public static CgiRun Run(string executable, string workingDirectory, IReadOnlyList<KeyValuePair<string, byte[]>> variables,
        FuzzBody body, TimeSpan killAfter, TimeSpan outputGrace)
    {
        foreach (var (name, value) in variables)
        {
            if (Array.IndexOf(value, (byte)0) >= 0)
                return Failed($"the test cannot put a NUL byte into {name}");
        }

        var stdin = Pipe();
        var stdout = Pipe();
        var stderr = Pipe();
        var native = new List<IntPtr>();
        var actions = Alloc(native, Libc.OpaqueSize);
        var attributes = Alloc(native, Libc.OpaqueSize);
        var defaults = Alloc(native, Libc.SigsetSize);
        var mask = Alloc(native, Libc.SigsetSize);
        int pid;
        int spawned;
        var clock = Stopwatch.StartNew();
        try
        {
            Check(Libc.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(Libc.posix_spawn_file_actions_adddup2(actions, stdin[0], 0), "adddup2");
            Check(Libc.posix_spawn_file_actions_adddup2(actions, stdout[1], 1), "adddup2");
            Check(Libc.posix_spawn_file_actions_adddup2(actions, stderr[1], 2), "adddup2");
            Check(Libc.posix_spawn_file_actions_addchdir_np(actions, CString(workingDirectory)), "addchdir_np");
            Check(Libc.posix_spawnattr_init(attributes), "posix_spawnattr_init");
            // Its own process group (a hang is killed with its python3), the default action for every
            // signal the test host ignores (SIGPIPE), and no blocked signal: what a web server's fork gives.
            Check(Libc.posix_spawnattr_setflags(attributes,
                Libc.PosixSpawnSetpgroup | Libc.PosixSpawnSetsigdef | Libc.PosixSpawnSetsigmask), "setflags");
            Check(Libc.posix_spawnattr_setpgroup(attributes, 0), "setpgroup");
            Libc.sigemptyset(defaults);
            for (var signal = 1; signal < 32; signal++)
            {
                if (signal is not (Libc.Sigkill or Libc.Sigstop))
                    Libc.sigaddset(defaults, signal);
            }
            Check(Libc.posix_spawnattr_setsigdefault(attributes, defaults), "setsigdefault");
            Libc.sigemptyset(mask);
            Check(Libc.posix_spawnattr_setsigmask(attributes, mask), "setsigmask");

            var argv = new[] { Native(native, CString(executable)), IntPtr.Zero };
            var envp = variables
                .Select(v => Native(native, [.. Encoding.ASCII.GetBytes(v.Key + "="), .. v.Value, 0]))
                .Append(IntPtr.Zero)
                .ToArray();
            clock.Restart();
            spawned = Libc.posix_spawn(out pid, CString(executable), actions, attributes, argv, envp);
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attributes);
            foreach (var pointer in native)
                Marshal.FreeHGlobal(pointer);
            Libc.close(stdin[0]);
            Libc.close(stdout[1]);
            Libc.close(stderr[1]);
        }
        if (spawned != 0)
        {
            Libc.close(stdin[1]);
            Libc.close(stdout[0]);
            Libc.close(stderr[0]);
            return Failed("posix_spawn: " + Libc.Describe(spawned));
        }
        return Watch(executable, pid, stdin[1], stdout[0], stderr[0], body, clock, killAfter, outputGrace);
    }

    private static CgiRun Watch(string executable, int pid, int input, int output, int error, FuzzBody body, Stopwatch clock,
        TimeSpan killAfter, TimeSpan outputGrace)
    {
        var pidfd = Libc.pidfd_open(pid, 0);
        if (pidfd < 0)
            throw new InvalidOperationException("pidfd_open: " + Libc.Describe(Marshal.GetLastPInvokeError()));
        SetNonBlocking(input);
        SetNonBlocking(output);
        SetNonBlocking(error);

        using var rss = new RssSampler(pid, Path.GetFileName(executable));
        var stdout = new MemoryStream();
        var outputCut = false;
        var errorHead = new MemoryStream();
        long errorBytes = 0;
        var buffer = new byte[64 * 1024];
        using var chunks = body.Chunks().GetEnumerator();
        var pending = ReadOnlyMemory<byte>.Empty;
        long written = 0;

        bool inputOpen = true, outputOpen = true, errorOpen = true, exited = false, killed = false, heldOpen = false;
        var exitedAt = TimeSpan.Zero;
        var fds = new Libc.PollFd[4];
        while (true)
        {
            if (exited && !outputOpen && !errorOpen)
                break;
            var now = clock.Elapsed;
            if (!killed && !exited && now >= killAfter)
            {
                // The group first (its python3 too), then the process itself in case it left the group.
                Libc.kill(-pid, Libc.Sigkill);
                Libc.kill(pid, Libc.Sigkill);
                killed = true;
                CloseIfOpen(ref inputOpen, input);
            }
            if (exited && now - exitedAt >= outputGrace)
            {
                heldOpen = true;
                break;
            }

            var count = 0;
            if (inputOpen)
                fds[count++] = new Libc.PollFd { Fd = input, Events = Libc.PollOut };
            if (outputOpen)
                fds[count++] = new Libc.PollFd { Fd = output, Events = Libc.PollIn };
            if (errorOpen)
                fds[count++] = new Libc.PollFd { Fd = error, Events = Libc.PollIn };
            if (!exited)
                fds[count++] = new Libc.PollFd { Fd = pidfd, Events = Libc.PollIn };
            var timeout = exited
                ? outputGrace - (now - exitedAt)
                : TimeSpan.FromMilliseconds(Math.Min(SampleMilliseconds, Math.Max(0, (killAfter - now).TotalMilliseconds)));
            var ready = Libc.poll(fds, (nuint)count, Math.Max(0, (int)Math.Ceiling(timeout.TotalMilliseconds)));
            if (ready < 0 && Marshal.GetLastPInvokeError() != Libc.Eintr)
                throw new InvalidOperationException("poll: " + Libc.Describe(Marshal.GetLastPInvokeError()));
            for (var i = 0; i < count && ready > 0; i++)
            {
                var revents = fds[i].Revents;
                if (revents == 0)
                    continue;
                var fd = fds[i].Fd;
                if (fd == input)
                    written += Feed(input, chunks, ref pending, ref inputOpen, revents);
                else if (fd == output)
                    Drain(output, buffer, ref outputOpen, chunk =>
                    {
                        if (stdout.Length + chunk.Length <= OutputCap)
                            stdout.Write(chunk);
                        else
                            outputCut = true;
                    });
                else if (fd == error)
                    Drain(error, buffer, ref errorOpen, chunk =>
                    {
                        errorBytes += chunk.Length;
                        if (errorHead.Length < ErrorHeadBytes)
                            errorHead.Write(chunk[..(int)Math.Min(chunk.Length, ErrorHeadBytes - errorHead.Length)]);
                    });
                else if (fd == pidfd)
                {
                    exited = true;
                    exitedAt = clock.Elapsed;
                    CloseIfOpen(ref inputOpen, input);
                }
            }
            if (!exited)
                rss.Sample();
        }
        var elapsed = heldOpen ? exitedAt : clock.Elapsed;

        int status, reaped;
        while ((reaped = Libc.wait4(pid, out status, 0, IntPtr.Zero)) < 0 && Marshal.GetLastPInvokeError() == Libc.Eintr)
        {
        }
        if (reaped != pid)
            throw new InvalidOperationException($"wait4({pid}): {Libc.Describe(Marshal.GetLastPInvokeError())}: something else reaped the CGI");
        CloseIfOpen(ref inputOpen, input);
        CloseIfOpen(ref outputOpen, output);
        CloseIfOpen(ref errorOpen, error);
        Libc.close(pidfd);

        var termination = status & 0x7f;
        return new CgiRun(
            stdout.ToArray(), outputCut,
            Encoding.UTF8.GetString(errorHead.ToArray()), errorBytes,
            termination == 0 ? (status >> 8) & 0xff : null,
            termination != 0 ? termination : null,
            killed, heldOpen, elapsed, rss.PeakBytes, written, null);
    }

    /// <summary>Writes what the pipe takes now; closes standard input at the body's end or when the CGI closed it.</summary>
    private static long Feed(int fd, IEnumerator<ReadOnlyMemory<byte>> chunks, ref ReadOnlyMemory<byte> pending, ref bool open, short revents)
    {
        long written = 0;
        if ((revents & (Libc.PollErr | Libc.PollNval)) != 0)
        {
            CloseIfOpen(ref open, fd);
            return 0;
        }
        while (true)
        {
            if (pending.IsEmpty)
            {
                if (!chunks.MoveNext())
                {
                    CloseIfOpen(ref open, fd);
                    return written;
                }
                pending = chunks.Current;
                if (pending.IsEmpty)
                    continue;
            }
            var n = Libc.write(fd, ref MemoryMarshal.GetReference(pending.Span), pending.Length);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.Eintr)
                    continue;
                if (errno != Libc.Eagain)
                    CloseIfOpen(ref open, fd); // EPIPE: the CGI stopped reading, as it may
                return written;
            }
            written += n;
            pending = pending[(int)n..];
        }
    }

    private static void Drain(int fd, byte[] buffer, ref bool open, Action<ReadOnlySpan<byte>> take)
    {
        while (true)
        {
            var n = Libc.read(fd, ref buffer[0], buffer.Length);
            if (n > 0)
            {
                take(buffer.AsSpan(0, (int)n));
                continue;
            }
            if (n == 0)
            {
                CloseIfOpen(ref open, fd);
                return;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.Eintr)
                continue;
            if (errno != Libc.Eagain)
                CloseIfOpen(ref open, fd);
            return;
        }
    }

    private static void CloseIfOpen(ref bool open, int fd)
    {
        if (!open)
            return;
        Libc.close(fd);
        open = false;
    }

    private static int[] Pipe()
    {
        var fds = new int[2];
        if (Libc.pipe2(fds, Libc.OCloexec) != 0)
            throw new InvalidOperationException("pipe2: " + Libc.Describe(Marshal.GetLastPInvokeError()));
        return fds;
    }

    private static void SetNonBlocking(int fd)
    {
        var flags = Libc.fcntl(fd, Libc.FGetfl, 0);
        if (flags < 0 || Libc.fcntl(fd, Libc.FSetfl, flags | Libc.ONonblock) < 0)
            throw new InvalidOperationException("fcntl: " + Libc.Describe(Marshal.GetLastPInvokeError()));
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
            throw new InvalidOperationException(call + ": " + Libc.Describe(result));
    }

    private static IntPtr Alloc(List<IntPtr> native, int size)
    {
        var pointer = Marshal.AllocHGlobal(size);
        native.Add(pointer);
        Marshal.Copy(new byte[size], 0, pointer, size); // zeroed: destroying what was never initialized frees nothing
        return pointer;
    }

    private static IntPtr Native(List<IntPtr> native, byte[] bytes)
    {
        var pointer = Alloc(native, bytes.Length);
        Marshal.Copy(bytes, 0, pointer, bytes.Length);
        return pointer;
    }

    private static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    private static CgiRun Failed(string why) =>
        new([], false, "", 0, null, null, false, false, TimeSpan.Zero, 0, 0, why);

    /// <summary>
    /// Reads VmHWM from the process's /proc status file, opened once and re-read from offset 0. A sample counts
    /// only once the status names the CGI: posix_spawn returns when exec releases the test host's address space
    /// (vfork), a moment before the new one is installed, and a sample in between would be the test host's.
    /// </summary>
    private sealed class RssSampler : IDisposable
    {
        private static readonly byte[] Key = "VmHWM:"u8.ToArray();
        private readonly SafeFileHandle? _status;
        private readonly byte[] _buffer = new byte[4096];
        private readonly byte[] _name;

        public RssSampler(int pid, string program)
        {
            // The kernel's comm: the program's file name cut to 15 bytes.
            var name = Encoding.UTF8.GetBytes(program);
            _name = [.. "Name:\t"u8, .. name.AsSpan(0, Math.Min(name.Length, 15)), (byte)'\n'];
            try
            {
                _status = File.OpenHandle($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
            }
            catch (IOException)
            {
                _status = null; // already gone: no sample
            }
            Sample();
        }

        public long PeakBytes { get; private set; }

        public void Sample()
        {
            if (_status is null)
                return;
            int length;
            try
            {
                length = RandomAccess.Read(_status, _buffer, 0);
            }
            catch (IOException)
            {
                return;
            }
            var text = _buffer.AsSpan(0, length);
            if (!text.StartsWith(_name))
                return;
            var at = text.IndexOf(Key);
            if (at < 0)
                return; // a zombie has no address space any more
            long kib = 0;
            foreach (var b in text[(at + Key.Length)..])
            {
                if (b is >= (byte)'0' and <= (byte)'9')
                    kib = kib * 10 + (b - '0');
                else if (b == '\n' || (b == ' ' && kib > 0))
                    break;
            }
            PeakBytes = Math.Max(PeakBytes, kib * 1024);
        }

        public void Dispose() => _status?.Dispose();
    }
}
