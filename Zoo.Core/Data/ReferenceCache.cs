using System.Security.Cryptography;
using System.Text;
using Zoo.Core.Files;

namespace Zoo.Core.Data;

/// <summary>
/// ZOO's download cache in <c>[main] cacheDir</c>. An entry is named by the lower-case hex MD5 of its key
/// (<see cref="KeyFor"/>) and made of four files: <c>.zca</c> the content, <c>.zcm</c> the mime type
/// (<c>none</c> when the server sent none), <c>.zcp</c> the provenance (<c>SHARED</c> or <c>OTHER</c>),
/// <c>.zmd</c> the hex MD5 of the content (no newline: the HPC upload compares it with md5sum's output).
/// <para>
/// As in ZOO an entry never expires: a non-empty <c>.zca</c> is reused until someone deletes it (DeleteData,
/// or the operator). Each file is written to a temporary name and renamed into place, the <c>.zca</c> last,
/// so a concurrent request sees either no entry or a whole one; a download that fails or is too large leaves
/// nothing behind.
/// </para>
/// </summary>
internal sealed class ReferenceCache(string directory)
{
    private const string NoMimeType = "none";
    private const long SmallFileBytes = 64 * 1024;

    public string Directory { get; } = directory;

    /// <summary>
    /// The key ZOO hashes: the URL, then for a POST its body, then the request's own headers (ZOO adds
    /// them only with a body; here always, so a header-authenticated GET is never served to another user),
    /// then the forwarded header values joined by commas, which a shared URL leaves out.
    /// </summary>
    public static string KeyFor(InputReference reference, string? body, IReadOnlyList<KeyValuePair<string, string>> forwarded)
    {
        var key = new StringBuilder(reference.Href);
        if (body is not null)
            key.Append(body);
        foreach (var (name, value) in reference.Headers)
            key.Append(name).Append(": ").Append(value).Append("\r\n");
        key.Append(string.Join(',', forwarded.Select(f => f.Value)));
        return key.ToString();
    }

    public static string NameFor(string key) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key)));

    public string ContentPath(string name) => Path.Combine(Directory, name + ".zca");

    /// <summary>The cached entry, or null when there is none (or it is empty, or not a regular file: then it is fetched again).</summary>
    public (string Path, long Size, string? MimeType, string Origin)? TryFind(string name)
    {
        var contentPath = ContentPath(name);
        try
        {
            long size;
            using (var content = SafeFile.OpenRead(contentPath))
                size = content.Length;
            if (size == 0)
                return null;
            var mimeType = SafeFile.ReadTextOrNull(Path.ChangeExtension(contentPath, ".zcm"), SmallFileBytes);
            var origin = SafeFile.ReadTextOrNull(Path.ChangeExtension(contentPath, ".zcp"), SmallFileBytes);
            return (contentPath, size, mimeType is null or "" or NoMimeType ? null : mimeType,
                origin == FetchedInput.Shared ? FetchedInput.Shared : FetchedInput.Other);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A new entry's content, to fill by streaming (<see cref="Entry.Commit"/> adds its other files), or null when the
    /// cache cannot be written: then the input is fetched without it (and the operator told on stderr).
    /// </summary>
    public Entry? TryCreate(string name)
    {
        try
        {
            return new Entry(this, name, AtomicFile.Create(ContentPath(name)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"zoo: unable to write a cache entry in {Directory}: {e.Message}");
            return null;
        }
    }

    /// <summary>An entry being downloaded: its MD5 is computed as the bytes pass.</summary>
    public sealed class Entry(ReferenceCache cache, string name, AtomicFile.Writer content) : IDisposable
    {
        private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

        public string Path => content.Path;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            _md5.AppendData(bytes);
            content.Stream.Write(bytes);
        }

        public void Commit(string? mimeType, bool shared)
        {
            var contentPath = cache.ContentPath(name);
            AtomicFile.Write(System.IO.Path.ChangeExtension(contentPath, ".zcm"), Encoding.UTF8.GetBytes(OneLine(mimeType) ?? NoMimeType));
            AtomicFile.Write(System.IO.Path.ChangeExtension(contentPath, ".zcp"), Encoding.ASCII.GetBytes(shared ? FetchedInput.Shared : FetchedInput.Other));
            AtomicFile.Write(System.IO.Path.ChangeExtension(contentPath, ".zmd"), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(_md5.GetHashAndReset())));
            content.Commit();
        }

        public void Dispose()
        {
            content.Dispose();
            _md5.Dispose();
        }

        private static string? OneLine(string? value) =>
            value is null ? null : new string(value.Where(c => !char.IsControl(c)).ToArray());
    }
}
