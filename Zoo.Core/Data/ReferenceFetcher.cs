using System.Runtime.ExceptionServices;
using System.Text;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>One input reference to fetch: the reference, the input's size limit, and how to open its input file.</summary>
public sealed record ReferenceRequest(InputReference Reference, InputSizeLimit Limit, Func<InputFileWriter> OpenInputFile);

/// <summary>
/// Fetches the Execute inputs given by reference, as ZOO does and without its holes, each straight into a file
/// (never whole in memory) and never beyond its input's size limit:
/// <list type="bullet">
/// <item>a URL under tmpUrl is read from tmpPath, if it stays inside tmpPath and is not one of the kernel's own files;</item>
/// <item><c>file://</c> only inside <c>[main] allowedPaths</c>, regular files only;</item>
/// <item>http/https from the cache when the entry exists, else downloaded (<see cref="HttpDownloader"/>) into a new
/// cache entry (<see cref="ReferenceCache"/>), or into the input's file when there is no cache;</item>
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
    public async Task<FetchedInput> FetchAsync(ReferenceRequest request, CancellationToken cancellationToken)
    {
        var (reference, limit, openInputFile) = request;
        limit = limit.AtMost(_settings.MaxBytes);
        var href = reference.Href;
        if (href.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return CopyLocal(LocalReference.AllowedFile(_settings, href), limit, openInputFile);
        if (!Uri.TryCreate(href, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw FetchErrors.UnknownProtocol(href);
        if (LocalReference.TmpFile(_settings, url) is { } tmpFile)
            return CopyLocal(tmpFile, limit, openInputFile);
        return await DownloadAsync(url, reference, limit, openInputFile, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches every reference at once, as ZOO runs its downloads in parallel; results in the order given.
    /// When some fail, one <see cref="WpsException"/> carries all their errors, in that order.
    /// </summary>
    public async Task<IReadOnlyList<FetchedInput>> FetchAllAsync(IReadOnlyList<ReferenceRequest> requests, CancellationToken cancellationToken)
    {
        var fetches = requests
            .Select(r => Task.Run(() => FetchAsync(r, cancellationToken), cancellationToken))
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

    private static FetchedInput CopyLocal(string path, InputSizeLimit limit, Func<InputFileWriter> openInputFile)
    {
        using var file = openInputFile();
        var size = LocalReference.CopyTo(path, limit, file.Write);
        var data = file.Commit(isXml: false);
        return new FetchedInput(data?.Path ?? "", size, null, IsCached: false, null, IsCacheEntry: false, FetchedInput.Local);
    }

    private async Task<FetchedInput> DownloadAsync(Uri url, InputReference reference, InputSizeLimit limit,
        Func<InputFileWriter> openInputFile, CancellationToken cancellationToken)
    {
        var body = reference.IsPost ? await BodyAsync(reference, limit.Input, cancellationToken).ConfigureAwait(false) : null;
        var shared = Forwarding.IsShared(_settings, reference.Href);
        var origin = shared ? FetchedInput.Shared : IsLocal(url) ? FetchedInput.Local : FetchedInput.Other;
        if (_cache is not null)
        {
            var forwarded = shared ? [] : Forwarding.HeadersFor(_settings, url);
            var bodyText = body is null ? null : reference.Body ?? Encoding.UTF8.GetString(body);
            var name = ReferenceCache.NameFor(ReferenceCache.KeyFor(reference, bodyText, forwarded));
            if (_cache.TryFind(name) is { } cached)
            {
                if (cached.Size > limit.Bytes)
                    throw limit.Exceeded(cached.Size);
                return new FetchedInput(cached.Path, cached.Size, null, IsCached: true, cached.MimeType, IsCacheEntry: true, cached.Origin);
            }
            if (_cache.TryCreate(name) is { } entry)
            {
                using (entry)
                {
                    var (downloaded, serverType) = await _downloader.DownloadAsync(url, reference, body, limit, entry.Write, cancellationToken)
                        .ConfigureAwait(false);
                    entry.Commit(serverType, shared);
                    return new FetchedInput(entry.Path, downloaded, serverType, IsCached: false, null, IsCacheEntry: true, origin);
                }
            }
        }
        using var file = openInputFile();
        var (size, mimeType) = await _downloader.DownloadAsync(url, reference, body, limit, file.Write, cancellationToken)
            .ConfigureAwait(false);
        var data = file.Commit(isXml: false);
        return new FetchedInput(data?.Path ?? "", size, mimeType, IsCached: false, null, IsCacheEntry: false, origin);
    }

    /// <summary>A URL of this server's MapServer: ZOO calls its provenance LOCAL.</summary>
    private bool IsLocal(Uri url) =>
        _settings.LocalPrefixes.Any(prefix => url.OriginalString.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The POST body: inline, else fetched from the body reference (by the same rules, and held: it is small), else empty.</summary>
    private async Task<byte[]> BodyAsync(InputReference reference, string inputName, CancellationToken cancellationToken)
    {
        if (reference.Body is { } inline)
            return Encoding.UTF8.GetBytes(inline);
        if (reference.BodyReference is not { } bodyReference)
            return [];
        var content = new MemoryStream();
        var limit = new InputSizeLimit(inputName, _settings.MaxBodyBytes, null);
        var fetched = await FetchAsync(new ReferenceRequest(InputReference.Get(bodyReference), limit,
            () => InputFileWriter.InMemory(content, limit)), cancellationToken).ConfigureAwait(false);
        return fetched.IsCacheEntry ? await File.ReadAllBytesAsync(fetched.Path, cancellationToken).ConfigureAwait(false) : content.ToArray();
    }
}
