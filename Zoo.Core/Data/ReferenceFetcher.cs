using System.Runtime.ExceptionServices;
using System.Text;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>
/// Fetches the Execute inputs given by reference, as ZOO does and without its holes:
/// <list type="bullet">
/// <item>a URL under tmpUrl is read from tmpPath, if it stays inside tmpPath;</item>
/// <item><c>file://</c> only inside <c>[main] allowedPaths</c>;</item>
/// <item>http/https from the cache when the entry exists, else downloaded (<see cref="HttpDownloader"/>)
/// and cached (<see cref="ReferenceCache"/>);</item>
/// <item>any other scheme is refused.</item>
/// </list>
/// </summary>
public sealed class ReferenceFetcher : IDisposable
{
    private readonly FetchSettings _settings;
    private readonly HttpClient _client;
    private readonly HttpDownloader _downloader;
    private readonly ReferenceCache? _cache;

    /// <param name="handler">replaces the network in tests; the caller keeps ownership of it.</param>
    public ReferenceFetcher(FetchSettings settings, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _client = handler is null
            ? new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            })
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _downloader = new HttpDownloader(_client, settings);
        _cache = settings.CacheDirectory is { } directory ? new ReferenceCache(directory) : null;
    }

    /// <exception cref="WpsException">the reference is refused or cannot be fetched.</exception>
    /// <exception cref="OperationCanceledException">the caller cancelled.</exception>
    public async Task<FetchedInput> FetchAsync(InputReference reference, string inputName, CancellationToken cancellationToken)
    {
        var href = reference.Href;
        if (href.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var file = LocalReference.AllowedFile(_settings, href);
            return new FetchedInput(LocalReference.Read(file, inputName, _settings.MaxBytes), null, null);
        }
        if (!Uri.TryCreate(href, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw FetchErrors.UnknownProtocol(href);
        if (LocalReference.TmpFile(_settings, url) is { } tmpFile)
            return new FetchedInput(LocalReference.Read(tmpFile, inputName, _settings.MaxBytes), null, null);
        return await DownloadAsync(url, reference, inputName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches every reference at once, as ZOO runs its downloads in parallel; results in the order given.
    /// When some fail, one <see cref="WpsException"/> carries all their errors, in that order.
    /// </summary>
    public async Task<IReadOnlyList<FetchedInput>> FetchAllAsync(
        IReadOnlyList<(InputReference Reference, string InputName)> references, CancellationToken cancellationToken)
    {
        var fetches = references
            .Select(r => Task.Run(() => FetchAsync(r.Reference, r.InputName, cancellationToken), cancellationToken))
            .ToArray();
        try
        {
            await Task.WhenAll(fetches).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each task is inspected below, so that every failure is reported, not only the first.
        }
        cancellationToken.ThrowIfCancellationRequested();
        var errors = new List<OwsError>();
        foreach (var fetch in fetches)
        {
            if (fetch.Exception?.InnerException is WpsException wps)
                errors.AddRange(wps.Errors);
            else if (fetch.Exception?.InnerException is { } other)
                ExceptionDispatchInfo.Throw(other);
        }
        if (errors.Count > 0)
            throw new WpsException(errors);
        return fetches.Select(f => f.Result).ToList();
    }

    public void Dispose() => _client.Dispose();

    private async Task<FetchedInput> DownloadAsync(
        Uri url, InputReference reference, string inputName, CancellationToken cancellationToken)
    {
        var body = reference.IsPost ? await BodyAsync(reference, inputName, cancellationToken).ConfigureAwait(false) : null;
        var shared = Forwarding.IsShared(_settings, reference.Href);
        string? name = null;
        if (_cache is not null)
        {
            var forwarded = shared ? [] : Forwarding.HeadersFor(_settings, url);
            var bodyText = body is null ? null : reference.Body ?? Encoding.UTF8.GetString(body);
            name = ReferenceCache.NameFor(ReferenceCache.KeyFor(reference, bodyText, forwarded));
            if (_cache.TryRead(name) is { } cached)
                return cached;
        }
        var (content, mimeType) = await _downloader.DownloadAsync(url, reference, body, inputName, cancellationToken)
            .ConfigureAwait(false);
        var cacheFile = _cache is not null && name is not null ? _cache.Write(name, content, mimeType, shared) : null;
        return new FetchedInput(content, mimeType, cacheFile);
    }

    /// <summary>The POST body: inline, else fetched from the body reference (by the same rules), else empty.</summary>
    private async Task<byte[]> BodyAsync(InputReference reference, string inputName, CancellationToken cancellationToken)
    {
        if (reference.Body is { } inline)
            return Encoding.UTF8.GetBytes(inline);
        if (reference.BodyReference is { } bodyReference)
            return (await FetchAsync(InputReference.Get(bodyReference), inputName, cancellationToken).ConfigureAwait(false)).Content;
        return [];
    }
}
