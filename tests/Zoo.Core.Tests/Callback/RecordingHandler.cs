using System.Collections.Concurrent;
using System.Net;

namespace Zoo.Core.Tests.Callback;

/// <summary>An HTTP stack that records every request and answers as told: a status, or never (until cancelled).</summary>
internal sealed class RecordingHandler(Func<int, HttpStatusCode?> answer) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<(string Url, string? ContentType, string Body, IReadOnlyList<string> Headers)> Requests { get; } = new();

    public static RecordingHandler AlwaysOk() => new(_ => HttpStatusCode.OK);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.RequestUri!.ToString(), request.Content?.Headers.ContentType?.MediaType, body,
            request.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}").ToList()));
        var status = answer(Interlocked.Increment(ref _count));
        if (status is null)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
        return new HttpResponseMessage(status.Value);
    }
}
