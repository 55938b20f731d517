using System.Net;
using System.Net.Http.Headers;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>
/// One http/https download as ZOO's curl makes it: User-Agent <c>ZooWPSClient</c>, the reference's headers,
/// the forwarded <c>[security]</c> headers, GET or POST. Redirects are followed here, up to the limit, so
/// that credentials are dropped when one leaves the original origin; the timeout covers the whole
/// exchange and the size limit is enforced while the body streams in.
/// </summary>
internal sealed class HttpDownloader(HttpClient client, FetchSettings settings)
{
    public const string UserAgent = "ZooWPSClient";

    /// <summary>Curl's default for a POST body without a Content-Type, which ZOO therefore sends.</summary>
    private const string DefaultPostContentType = "application/x-www-form-urlencoded";

    /// <summary>Headers the HTTP client manages itself; a reference cannot set them.</summary>
    private static readonly string[] ManagedHeaders = ["Host", "Content-Length", "Transfer-Encoding", "Connection"];

    /// <exception cref="WpsException">a refused status, too many redirects, too large, too slow, unreachable.</exception>
    /// <exception cref="OperationCanceledException">the caller cancelled.</exception>
    public async Task<(byte[] Content, string? MimeType)> DownloadAsync(
        Uri url, InputReference reference, byte[]? body, string inputName, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            return await FollowAsync(url, reference, body, inputName, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WpsException([FetchErrors.TimedOut(inputName, settings.Timeout)]);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new WpsException([FetchErrors.Unreachable(inputName)]);
        }
    }

    private async Task<(byte[] Content, string? MimeType)> FollowAsync(
        Uri url, InputReference reference, byte[]? body, string inputName, CancellationToken token)
    {
        var method = reference.IsPost ? HttpMethod.Post : HttpMethod.Get;
        var current = url;
        var withCredentials = true;
        for (var redirects = 0; ; redirects++)
        {
            using var request = Request(method, current, reference, body, inputName, withCredentials);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (redirects >= settings.MaxRedirects)
                    throw new WpsException([FetchErrors.TooManyRedirects(inputName, settings.MaxRedirects)]);
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    throw FetchErrors.UnknownProtocol(next.OriginalString);
                withCredentials = withCredentials && Forwarding.IsSameOrigin(url, next);
                if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                    && method == HttpMethod.Post)
                {
                    method = HttpMethod.Get;
                    body = null;
                }
                current = next;
                continue;
            }
            if (!IsAccepted(status))
                throw new WpsException([FetchErrors.HttpStatus(inputName, status)]);
            var content = await ReadLimitedAsync(response.Content, inputName, token).ConfigureAwait(false);
            return (content, response.Content.Headers.ContentType?.ToString());
        }
    }

    private HttpRequestMessage Request(
        HttpMethod method, Uri url, InputReference reference, byte[]? body, string inputName, bool withCredentials)
    {
        var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
            request.Content = new ByteArrayContent(body ?? []);
        foreach (var (name, value) in reference.Headers)
        {
            if (!IsValidHeader(name, value))
                throw new WpsException([FetchErrors.InvalidHeader(inputName, name)]);
            if (ManagedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
                || (!withCredentials && Forwarding.IsCredential(name)))
                continue;
            Add(request, name, value);
        }
        if (withCredentials)
        {
            foreach (var (name, value) in Forwarding.HeadersFor(settings, url))
            {
                if (IsValidHeader(name, value) && !Has(request, name))
                    Add(request, name, value);
            }
        }
        if (!Has(request, "User-Agent"))
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (request.Content is { } content && content.Headers.ContentType is null)
            content.Headers.ContentType = new MediaTypeHeaderValue(DefaultPostContentType);
        return request;
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, string inputName, CancellationToken token)
    {
        var declared = content.Headers.ContentLength;
        if (declared > settings.MaxBytes)
            throw new WpsException([FetchErrors.TooLarge(inputName, settings.MaxBytes)]);
        using var buffer = new MemoryStream(declared is { } length ? (int)Math.Min(length, 1 << 20) : 0);
        var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > settings.MaxBytes)
                    throw new WpsException([FetchErrors.TooLarge(inputName, settings.MaxBytes)]);
                buffer.Write(chunk, 0, read);
            }
        }
        return buffer.ToArray();
    }

    private bool IsAccepted(int status) => status is >= 200 and < 300 || settings.ExtraSupportedCodes.Contains(status);

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool Has(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.Contains(name) || request.Content?.Headers.NonValidated.Contains(name) == true;

    /// <summary>Request headers go on the request, entity headers (Content-Type...) on the body; without a body they are dropped.</summary>
    private static void Add(HttpRequestMessage request, string name, string value)
    {
        if (!request.Headers.TryAddWithoutValidation(name, value))
            request.Content?.Headers.TryAddWithoutValidation(name, value);
    }

    private static bool IsValidHeader(string name, string value) =>
        name.Length > 0 && name.All(IsTokenChar) && !value.Any(c => c is '\r' or '\n' or '\0');

    private static bool IsTokenChar(char c) =>
        c is > ' ' and < '\u007f' and not ('(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '"'
            or '/' or '[' or ']' or '?' or '=' or '{' or '}');
}
