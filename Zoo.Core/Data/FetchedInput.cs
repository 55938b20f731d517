namespace Zoo.Core.Data;

/// <summary>
/// The content of an input reference. <see cref="MimeType"/> is the Content-Type the server sent
/// (null when it sent none, or for local files); <see cref="CacheFile"/> is the <c>.zca</c> file in
/// cacheDir holding the content when it was cached (ZOO's <c>cache_file</c>), else null.
/// </summary>
public sealed record FetchedInput(byte[] Content, string? MimeType, string? CacheFile);
