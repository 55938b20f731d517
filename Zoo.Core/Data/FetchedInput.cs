namespace Zoo.Core.Data;

/// <summary>
/// An input reference, fetched into a file: a cache entry (<c>&lt;cacheDir&gt;/&lt;md5&gt;.zca</c>) when cacheDir is set,
/// else the input's file in tmpPath. <see cref="MimeType"/> is the Content-Type the server sent, exactly as it
/// sent it (null when it sent none, for local files, and when the cache served it); <see cref="CachedMimeType"/>
/// is what the cache recorded (ZOO's <c>fmimeType</c>), only when the cache served it. <see cref="Origin"/> is
/// ZOO's provenance: LOCAL (a URL of this server), SHARED (a <c>[security] shared</c> URL) or OTHER.
/// </summary>
public sealed record FetchedInput(
    string Path,
    long Size,
    string? MimeType,
    bool IsCached,
    string? CachedMimeType,
    bool IsCacheEntry,
    string Origin)
{
    public const string Local = "LOCAL";
    public const string Shared = "SHARED";
    public const string Other = "OTHER";
}
