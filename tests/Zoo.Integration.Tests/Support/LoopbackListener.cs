using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 (a free port chosen by the system) that hands every connection it accepts to a
/// handler on a task of its own, and closes the connection when the handler returns. Dispose stops accepting and
/// cancels the token the handlers were given.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<TcpClient, CancellationToken, Task> _handle;
    private readonly Task _loop;

    public LoopbackListener(Func<TcpClient, CancellationToken, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; how it ended does not matter.
        }
        _stop.Dispose();
    }

    /// <summary>Reads an HTTP head up to its blank line (at most 64 KiB); null when the client closes first or the head runs past that.</summary>
    public static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 65536)
        {
            if (await stream.ReadAsync(one) == 0)
                return null;
            buffer.Add(one[0]);
            var n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
                return Encoding.ASCII.GetString(buffer.ToArray(), 0, n - 4);
        }
        return null;
    }

    /// <summary>Reads one HTTP request: its head lines (request line first) and its body (Content-Length bytes); null when the client closes first.</summary>
    public static async Task<(string[] Head, byte[] Body)?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken = default)
    {
        var head = await ReadHeadAsync(stream);
        if (head is null)
            return null;
        var lines = head.Split("\r\n");
        var length = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(kv => int.Parse(kv[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return (lines, body);
    }

    /// <summary>The value of a header among a request's head lines, or null.</summary>
    public static string? Header(IEnumerable<string> head, string name) =>
        head.Skip(1).Select(l => l.Split(':', 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1].Trim())
            .FirstOrDefault();

    private async Task AcceptLoopAsync()
    {
        var stopping = _stop.Token;
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using (client)
                    await _handle(client, stopping);
            });
        }
    }
}
