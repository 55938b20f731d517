using System.Net.Sockets;
using System.Text;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that streams zeros, never holding them: <c>/length/&lt;n&gt;</c> announces n bytes
/// with Content-Length, <c>/close/&lt;n&gt;</c> sends n bytes and ends the body by closing the connection. It stops
/// writing as soon as the client goes away, and counts what it sent.
/// </summary>
public sealed class ZeroStreamServer : IDisposable
{
    private readonly LoopbackListener _listener;
    private long _sent;

    public ZeroStreamServer(string contentType)
    {
        ContentType = contentType;
        _listener = new LoopbackListener(AnswerAsync);
    }

    public string ContentType { get; }

    public int Port => _listener.Port;

    /// <summary>Bytes of body written to clients so far.</summary>
    public long BytesSent => Interlocked.Read(ref _sent);

    public string Url(bool withLength, long bytes) => $"http://127.0.0.1:{Port}/{(withLength ? "length" : "close")}/{bytes}";

    public void Dispose() => _listener.Dispose();

    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        try
        {
            var stream = client.GetStream();
            var head = await LoopbackListener.ReadHeadAsync(stream);
            var parts = head?.Split("\r\n")[0].Split(' ');
            var path = parts is { Length: >= 2 } ? parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
            if (path.Length != 2 || !long.TryParse(path[1], out var total))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                return;
            }
            var header = new StringBuilder($"HTTP/1.1 200 OK\r\nContent-Type: {ContentType}\r\nConnection: close\r\n");
            if (path[0] == "length")
                header.Append("Content-Length: ").Append(total).Append("\r\n");
            header.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()));
            var chunk = new byte[64 * 1024];
            for (var left = total; left > 0;)
            {
                var size = (int)Math.Min(chunk.Length, left);
                await stream.WriteAsync(chunk.AsMemory(0, size), stopping);
                Interlocked.Add(ref _sent, size);
                left -= size;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (as it should, past its limit): stop writing.
        }
    }
}
