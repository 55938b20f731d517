using System.Net;

namespace Zoo.Core.Tests.Data;

/// <summary>A network stand-in: answers each request with the responder's reply and records what was sent.</summary>
public sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public FakeHandler(string content = "data", string? mimeType = "text/plain")
        : this(_ => Ok(content, mimeType))
    {
    }

    public List<SentRequest> Requests { get; } = [];

    public static HttpResponseMessage Ok(string content, string? mimeType = "text/plain")
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(content) };
        response.Content.Headers.ContentType = mimeType is null ? null : new(mimeType);
        return response;
    }

    public static HttpResponseMessage Status(int status) => new((HttpStatusCode)status) { Content = new StringContent("") };

    public static HttpResponseMessage Redirect(string location, int status = 302)
    {
        var response = Status(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SentRequest(request.Method.Method, request.RequestUri!, headers, body));
        return respond(request);
    }
}

public sealed record SentRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
