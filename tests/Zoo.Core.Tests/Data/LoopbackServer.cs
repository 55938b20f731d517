using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zoo.Core.Tests.Data;

/// <summary>What the loopback server received.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the loopback server answers; <see cref="StallBody"/> sends the headers and then never the body.</summary>
public sealed record ServerReply(int Status, string Body = "", string? ContentType = "text/plain", string? Location = null,
    bool StallBody = false, bool OmitLength = false);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (one request a connection, then close), to show the fetcher
/// speaking to a real socket. Replies come from a function of the request.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, ServerReply> _reply;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer(Func<ReceivedRequest, ServerReply> reply)
    {
        _reply = reply;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>An URL of this server by IP address.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>The same server under another host name: a different host for the fetcher.</summary>
    public string LocalhostUrl(string path) => $"http://localhost:{Port}{path}";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                Received.Enqueue(request);
                var reply = _reply(request);
                var body = Encoding.UTF8.GetBytes(reply.Body);
                var head = new StringBuilder().Append(CultureInfo.InvariantCulture,
                    $"HTTP/1.1 {reply.Status} {(reply.Status < 400 ? "OK" : "Error")}\r\nConnection: close\r\n");
                if (reply.ContentType is not null)
                    head.Append(CultureInfo.InvariantCulture, $"Content-Type: {reply.ContentType}\r\n");
                if (reply.Location is not null)
                    head.Append(CultureInfo.InvariantCulture, $"Location: {reply.Location}\r\n");
                if (!reply.OmitLength)
                    head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
                head.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                if (reply.StallBody)
                {
                    await stream.FlushAsync(_stop.Token);
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server stops.
            }
        }
    }

    private static async Task<ReceivedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(bytes))
        {
            if (await stream.ReadAsync(one) == 0)
                throw new IOException("connection closed in the headers");
            bytes.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return new ReceivedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}
