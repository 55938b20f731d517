using System.Collections;

namespace Zoo.Core.Cgi;

/// <summary>What a web server hands a CGI: its environment and the request body.</summary>
public sealed record CgiRequest(IReadOnlyDictionary<string, string> Environment, byte[] Body)
{
    /// <summary>Bodies larger than this are refused before they are read.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public string Method => Variable("REQUEST_METHOD")?.ToUpperInvariant() ?? "GET";
    public string QueryString => Variable("QUERY_STRING") ?? "";
    public string ContentType => Variable("CONTENT_TYPE") ?? "";

    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static CgiRequest FromProcess(Stream standardInput)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        return new CgiRequest(environment, ReadBody(environment, standardInput));
    }

    /// <summary>
    /// Reads CONTENT_LENGTH bytes; without a length, a POST body is read to the end, as ZOO does.
    /// A GET never waits on standard input, which a shell caller may leave open.
    /// </summary>
    private static byte[] ReadBody(Dictionary<string, string> environment, Stream input)
    {
        environment.TryGetValue("REQUEST_METHOD", out var method);
        environment.TryGetValue("CONTENT_LENGTH", out var lengthText);
        var isPost = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
                     || string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase);
        if (long.TryParse(lengthText, out var length) && length > 0)
        {
            if (length > MaxBodyBytes)
                throw new BodyTooLargeException(length);
            var body = new byte[length];
            var read = 0;
            while (read < body.Length && input.Read(body, read, body.Length - read) is var n and > 0)
                read += n;
            return read == body.Length ? body : body[..read];
        }
        if (!isPost)
            return [];
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (input.Read(chunk, 0, chunk.Length) is var n and > 0)
        {
            if (buffer.Length + n > MaxBodyBytes)
                throw new BodyTooLargeException(buffer.Length + n);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}

public sealed class BodyTooLargeException(long length)
    : Exception($"The request body ({length} bytes) exceeds the {CgiRequest.MaxBodyBytes} bytes this server accepts.");
