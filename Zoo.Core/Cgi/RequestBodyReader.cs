using System.Globalization;
using System.Security.Cryptography;
using Zoo.Core.Files;

namespace Zoo.Core.Cgi;

/// <summary>
/// Reads what a web server hands a CGI on standard input, within a limit: CONTENT_LENGTH bytes, or for a
/// POST without a length, up to the end. A body announced larger than the limit is refused before a byte
/// of it is read; one that turns out larger is refused as soon as it passes the limit. Up to a small size
/// the body stays in memory; beyond it, it goes to a spool file as it arrives.
/// </summary>
public static class RequestBodyReader
{
    private const int InMemoryBytes = 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;

    /// <exception cref="BodyTooLargeException">the body is larger than <paramref name="maxBytes"/>.</exception>
    public static RequestBody Read(IReadOnlyDictionary<string, string> environment, Stream input, long maxBytes, string spoolDirectory)
    {
        environment.TryGetValue("REQUEST_METHOD", out var method);
        environment.TryGetValue("CONTENT_LENGTH", out var lengthText);
        var hasLength = long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length);
        if (hasLength && length > maxBytes)
            throw new BodyTooLargeException(maxBytes);
        var readsToEnd = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
                         || string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase);
        // A GET never waits on standard input, which a shell caller may leave open.
        if (hasLength ? length == 0 : !readsToEnd)
            return RequestBody.Empty;
        var limit = hasLength ? length : maxBytes;

        var memory = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        FileStream? spool = null;
        try
        {
            long total = 0;
            while (ReadChunk(input, chunk, hasLength ? limit - total : ChunkBytes) is var read and > 0)
            {
                total += read;
                if (total > maxBytes)
                    throw new BodyTooLargeException(maxBytes);
                if (spool is null && total > InMemoryBytes)
                {
                    spool = CreateSpool(spoolDirectory);
                    spool.Write(memory.GetBuffer(), 0, (int)memory.Length);
                    memory = new MemoryStream();
                }
                if (spool is not null)
                    spool.Write(chunk, 0, read);
                else
                    memory.Write(chunk, 0, read);
                if (hasLength && total == limit)
                    break;
            }
            if (spool is null)
                return RequestBody.InMemory(memory.ToArray());
            spool.Flush();
            var body = RequestBody.Spooled(spool);
            spool = null;
            return body;
        }
        finally
        {
            spool?.Dispose();
        }
    }

    private static int ReadChunk(Stream input, byte[] chunk, long wanted) =>
        wanted <= 0 ? 0 : input.Read(chunk, 0, (int)Math.Min(chunk.Length, wanted));

    /// <summary>A private file, unlinked at once: only this process's handle reaches it.</summary>
    private static FileStream CreateSpool(string directory)
    {
        var path = Path.Combine(directory, $".zoo-body-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}");
        var stream = SafeFile.CreateNew(path, SafeFile.Private, FileAccess.ReadWrite);
        File.Delete(path);
        return stream;
    }
}

/// <summary>A request body over the limit of <see cref="Configuration.Limits.MaxRequestBytes"/>.</summary>
public sealed class BodyTooLargeException(long maxBytes)
    : Exception($"The request body is larger than the {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes this server accepts.")
{
    public long MaxBytes { get; } = maxBytes;
}
