using System.Net;
using System.Net.Http.Headers;
using Zoo.Core.Cgi;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>Where a download's bytes go, chunk by chunk (a cache entry, an input file).</summary>
internal delegate void ChunkWriter(ReadOnlySpan<byte> chunk);

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

    /// <summary>Writes the body into <paramref name="destination"/> as it arrives, never more than <paramref name="limit"/> allows.</summary>
    /// <returns>the number of bytes, and the Content-Type exactly as the server sent it.</returns>
    /// <exception cref="WpsException">a refused status, too many redirects, too large, too slow, unreachable.</exception>
    /// <exception cref="OperationCanceledException">the caller cancelled.</exception>
    public async Task<(long Size, string? MimeType)> DownloadAsync(
        Uri url, InputReference reference, byte[]? body, InputSizeLimit limit, ChunkWriter destination, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        var inputName = limit.Input;
        try
        {
            return await FollowAsync(url, reference, body, limit, destination, deadline.Token).ConfigureAwait(false);
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

    private async Task<(long Size, string? MimeType)> FollowAsync(
        Uri url, InputReference reference, byte[]? body, InputSizeLimit limit, ChunkWriter destination, CancellationToken token)
    {
        var inputName = limit.Input;
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
            var size = await CopyLimitedAsync(response.Content, limit, destination, token).ConfigureAwait(false);
            return (size, RawContentType(response.Content));
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

    private static async Task<long> CopyLimitedAsync(HttpContent content, InputSizeLimit limit, ChunkWriter destination,
        CancellationToken token)
    {
        if (content.Headers.ContentLength is { } declared && declared > limit.Bytes)
            throw limit.Exceeded(declared);
        var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > limit.Bytes)
                    throw limit.Exceeded(total, atLeast: true);
                destination(chunk.AsSpan(0, read));
            }
            return total;
        }
    }

    /// <summary>
    /// The Content-Type as the server wrote it: .NET's parser drops values it does not understand (GeoServer's
    /// <c>text/xml; subtype=gml/2.1.2</c>), which services read to tell GML versions apart.
    /// </summary>
    private static string? RawContentType(HttpContent content) =>
        content.Headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count > 0
            ? string.Join(", ", values).Trim()
            : null;

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
        HttpToken.IsToken(name) && !value.Any(c => c is '\r' or '\n' or '\0');

}
