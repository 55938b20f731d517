using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port chosen by the system) serving fixed bytes per
/// path, so that tests can give the kernel input references without any network. Every request is
/// answered once and the connection closed; unknown paths get 404. The requests seen are recorded.
/// </summary>
public sealed class StaticHttpServer : IDisposable
{
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body)> _files = new(StringComparer.Ordinal);
    private readonly LoopbackListener _listener;

    public StaticHttpServer()
    {
        _listener = new LoopbackListener((client, _) => AnswerAsync(client));
    }

    public int Port => _listener.Port;

    /// <summary>Request lines received ("GET /path HTTP/1.1"), in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> and returns its absolute URL.</summary>
    public string Serve(string path, string contentType, byte[] body)
    {
        _files[path] = (contentType, body);
        return $"http://127.0.0.1:{Port}{path}";
    }

    public void Dispose() => _listener.Dispose();

    private async Task AnswerAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            if (await LoopbackListener.ReadRequestAsync(stream) is not var (lines, _))
                return;
            Requests.Enqueue(lines[0]);
            var path = lines[0].Split(' ').ElementAtOrDefault(1) ?? "/";
            var (status, contentType, content) = _files.TryGetValue(path, out var file)
                ? ("200 OK", file.ContentType, file.Body)
                : ("404 Not Found", "text/plain", Encoding.ASCII.GetBytes("not found"));
            var header = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
            await stream.WriteAsync(content);
            await stream.FlushAsync();
        }
        catch (IOException)
        {
            // The client went away: nothing to answer.
        }
    }
}
