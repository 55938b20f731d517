using System.Net.Sockets;
using System.Text;

namespace Zoo.Hpc.Completion;

/// <summary>
/// The wait channel between a job's worker and FinalizeHPC: a unix stream socket named as ZOO names it,
/// <c>.wait_socket_&lt;usid&gt;.sock</c>, on which the finalizer sends ZOO's one message, the ASCII status
/// (<c>3</c> when it wrote the job's <c>[henv]</c> file).
/// <para>
/// By default the socket lives in a directory only the kernel's user can enter, so no other local process
/// can wake a job (the original listens in world-writable <c>/tmp</c>). A socket file left by a crashed
/// worker is removed before binding; a live one (another worker on the same job) is an error.
/// </para>
/// </summary>
public sealed class CompletionSocket : IDisposable
{
    public const string PrivateDirectoryName = ".wait_sockets";

    // sun_path is 108 bytes with its terminating NUL on Linux.
    private const int MaxPathBytes = 107;
    private const int MaxMessageBytes = 10;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _listener;

    private CompletionSocket(string path, Socket listener)
    {
        SocketPath = path;
        _listener = listener;
    }

    public string SocketPath { get; }

    public static string FileName(string usid) => $".wait_socket_{usid}.sock";

    /// <summary>Where a job's socket goes: the configured directory, or the private one under tmpPath.</summary>
    public static string PathFor(string? configuredDirectory, string tmpPath, string usid) =>
        Path.Combine(configuredDirectory ?? Path.Combine(tmpPath, PrivateDirectoryName), FileName(usid));

    /// <summary>Binds and listens on the job's socket; the private default directory is created (mode 0700) when missing.</summary>
    /// <exception cref="IOException">the directory cannot be made, the path is too long, or another worker listens there.</exception>
    public static CompletionSocket Listen(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
            throw new IOException($"the wait socket path {path} is longer than the {MaxPathBytes} bytes a unix socket may have: set wait_socket_dir to a shorter directory");
        PrepareDirectory(Path.GetDirectoryName(path)!);
        RemoveStale(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(5);
            return new CompletionSocket(path, listener);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new IOException($"Unable to bind socket! {path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Waits for one notice and returns its text (ZOO's status, <c>3</c> for success); null when none came
    /// within the timeout. A client that connects and says nothing gives an empty text.
    /// </summary>
    public async Task<string?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        Socket client;
        try
        {
            client = await _listener.AcceptAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        using (client)
            return await ReadMessageAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends ZOO's message to the job waiting on the socket at <paramref name="path"/>.</summary>
    /// <exception cref="SocketException">nobody listens there (no such socket, or its worker is gone).</exception>
    public static async Task NotifyAsync(string path, string status, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(Encoding.ASCII.GetBytes(status), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);
    }

    public void Dispose()
    {
        _listener.Dispose();
        try
        {
            File.Delete(SocketPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a socket file left behind is removed by the next Listen on it
        }
    }

    private static async Task<string> ReadMessageAsync(Socket client, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ReadTimeout);
        var buffer = new byte[MaxMessageBytes];
        var length = 0;
        try
        {
            while (length < buffer.Length)
            {
                var read = await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // a client that keeps the connection open without finishing: what it sent is the message
        }
        return Encoding.ASCII.GetString(buffer, 0, length).Trim();
    }

    private static void PrepareDirectory(string directory)
    {
        if (Path.GetFileName(directory) != PrivateDirectoryName)
        {
            if (!Directory.Exists(directory))
                throw new IOException($"the wait socket directory {directory} (wait_socket_dir) does not exist");
            return;
        }
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("unix sockets with owner-only rights need a unix system");
        Directory.CreateDirectory(directory, owner);
        // Made before by an older kernel or by hand with looser rights: only the owner may reach the sockets.
        if (File.GetUnixFileMode(directory) != owner)
            File.SetUnixFileMode(directory, owner);
    }

    private static void RemoveStale(string path)
    {
        if (!File.Exists(path))
            return;
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new IOException($"another worker already waits on {path}");
            }
            catch (SocketException)
            {
                // nobody listens: the file is what a crashed worker left
            }
        }
        File.Delete(path);
    }
}
