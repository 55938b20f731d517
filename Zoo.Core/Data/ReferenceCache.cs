using System.Security.Cryptography;
using System.Text;

namespace Zoo.Core.Data;

/// <summary>
/// ZOO's download cache in <c>[main] cacheDir</c>. An entry is named by the lower-case hex MD5 of its key
/// (<see cref="KeyFor"/>) and made of four files: <c>.zca</c> the content, <c>.zcm</c> the mime type
/// (<c>none</c> when the server sent none), <c>.zcp</c> the provenance (<c>SHARED</c> or <c>OTHER</c>),
/// <c>.zmd</c> the hex MD5 of the content (no newline: the HPC upload compares it with md5sum's output).
/// <para>
/// As in ZOO an entry never expires: a non-empty <c>.zca</c> is reused until someone deletes it (DeleteData,
/// or the operator). Each file is written to a temporary name and renamed into place, the <c>.zca</c> last,
/// so a concurrent request sees either no entry or a whole one.
/// </para>
/// </summary>
internal sealed class ReferenceCache(string directory)
{
    public const string Shared = "SHARED";
    public const string Other = "OTHER";
    private const string NoMimeType = "none";

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

    public static string NameFor(string key) => Md5Hex(Encoding.UTF8.GetBytes(key));

    public static string Md5Hex(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    public string ContentPath(string name) => Path.Combine(Directory, name + ".zca");

    /// <summary>The cached entry, or null when there is none (or it is empty, or unreadable: then it is fetched again).</summary>
    public FetchedInput? TryRead(string name)
    {
        var contentPath = ContentPath(name);
        try
        {
            var content = File.ReadAllBytes(contentPath);
            if (content.Length == 0)
                return null;
            var mimePath = Path.ChangeExtension(contentPath, ".zcm");
            var mimeType = File.Exists(mimePath) ? File.ReadAllText(mimePath).Trim() : null;
            return new FetchedInput(content, mimeType is null or "" or NoMimeType ? null : mimeType, contentPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry; returns its <c>.zca</c> path, or null when the cache cannot be written (reported on stderr).</summary>
    public string? Write(string name, byte[] content, string? mimeType, bool shared)
    {
        var contentPath = ContentPath(name);
        try
        {
            WriteAtomically(Path.ChangeExtension(contentPath, ".zcm"), Encoding.UTF8.GetBytes(mimeType ?? NoMimeType));
            WriteAtomically(Path.ChangeExtension(contentPath, ".zcp"), Encoding.ASCII.GetBytes(shared ? Shared : Other));
            WriteAtomically(Path.ChangeExtension(contentPath, ".zmd"), Encoding.ASCII.GetBytes(Md5Hex(content)));
            WriteAtomically(contentPath, content);
            return contentPath;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"zoo: unable to write the cache entry {contentPath}: {e.Message}");
            return null;
        }
    }

    private void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
