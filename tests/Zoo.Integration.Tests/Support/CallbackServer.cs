using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Zoo.Integration.Tests.Support;

/// <summary>One POST the callback server received: the step (<c>4_1</c>) from its path, its Content-Type and JSON body.</summary>
public sealed record ReceivedCallback(string Step, string? ContentType, JsonObject Body, DateTime ReceivedUtc)
{
    public string? this[string key] => Body[key] is JsonValue value ? value.ToString() : Body[key]?.ToJsonString();
}

/// <summary>
/// A callback service on 127.0.0.1 for the kernel's jobs: <see cref="Url"/> is main.cfg's <c>[callback] url</c>
/// (<c>/cb/</c>, to which the kernel appends <c>&lt;step&gt;_&lt;state&gt;/</c>). It answers 204 to every POST and
/// records it, or, when told to, takes the request and never answers.
/// </summary>
public sealed class CallbackServer : IDisposable
{
    private readonly LoopbackListener _listener;
    private readonly bool _answers;

    public CallbackServer(bool answers = true)
    {
        _answers = answers;
        _listener = new LoopbackListener(AnswerAsync);
    }

    public string Url => $"http://127.0.0.1:{_listener.Port}/cb/";

    public ConcurrentQueue<ReceivedCallback> Received { get; } = new();

    /// <summary>A URL on which nothing listens: a callback service that is down.</summary>
    public static string DownUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/cb/";
    }

    /// <summary>The calls of one job, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedCallback> Of(string jobId) =>
        Received.Where(c => c["jobid"] == jobId).ToList();

    /// <summary>Waits until the job's calls include <paramref name="step"/>, and returns them all.</summary>
    public IReadOnlyList<ReceivedCallback> WaitFor(string jobId, string step, TimeSpan deadline) =>
        Poll.Until(() => Of(jobId), calls => calls.Any(c => c.Step == step), deadline, $"callback {step} of job {jobId}",
            TimeSpan.FromMilliseconds(50));

    public void Dispose() => _listener.Dispose();

    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        try
        {
            var stream = client.GetStream();
            if (await LoopbackListener.ReadRequestAsync(stream, stopping) is not var (lines, body))
                return;
            if (!_answers)
            {
                await Task.Delay(Timeout.Infinite, stopping);
                return;
            }
            var path = lines[0].Split(' ')[1];
            var step = path.StartsWith("/cb/", StringComparison.Ordinal) ? path["/cb/".Length..].TrimEnd('/') : path;
            Received.Enqueue(new ReceivedCallback(step, LoopbackListener.Header(lines, "Content-Type"),
                JsonNode.Parse(Encoding.UTF8.GetString(body))!.AsObject(), DateTime.UtcNow));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"), stopping);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The kernel gave up on the call, or the test ended.
        }
    }
}
