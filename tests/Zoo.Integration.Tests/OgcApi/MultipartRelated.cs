using System.Text;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>One body part of a multipart answer: its headers and its bytes.</summary>
public sealed record BodyPart(IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The Content-ID without its angle brackets.</summary>
    public string? ContentId => Header("Content-ID")?.Trim().TrimStart('<').TrimEnd('>');

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>Splits a multipart body (RFC 2046, as multipart/related uses it) at the boundary its Content-Type names.</summary>
public static class MultipartRelated
{
    /// <exception cref="AssertionException">no boundary, or a body that does not follow it.</exception>
    public static IReadOnlyList<BodyPart> Parts(string contentType, byte[] body)
    {
        var boundary = contentType.Split(';').Skip(1)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim().Equals("boundary", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1].Trim().Trim('"'))
            .FirstOrDefault() ?? throw new AssertionException("no boundary parameter in " + contentType);
        // Latin-1 maps each byte to one char, so positions in the text are positions in the bytes.
        var text = Encoding.Latin1.GetString(body);
        var delimiter = "--" + boundary;
        var sections = text.Split(delimiter);
        if (sections.Length < 3 || !sections[^1].StartsWith("--", StringComparison.Ordinal))
            throw new AssertionException($"not a multipart body with boundary \"{boundary}\":\n{Encoding.UTF8.GetString(body)}");
        return sections[1..^1].Select(Part).ToList();
    }

    private static BodyPart Part(string section)
    {
        var content = section.StartsWith("\r\n", StringComparison.Ordinal) ? section[2..] : section.TrimStart('\n');
        var blank = content.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? (crlf, 4)
            : content.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? (lf, 2)
            : throw new AssertionException("a body part without a blank line after its headers:\n" + content);
        var headers = content[..blank.Item1].Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0)
            .Select(line => line.Split(':', 2))
            .Select(kv => KeyValuePair.Create(kv[0].Trim(), kv.Length > 1 ? kv[1].Trim() : ""))
            .ToList();
        var data = content[(blank.Item1 + blank.Item2)..];
        // The line break before the next delimiter belongs to the delimiter.
        data = data.EndsWith("\r\n", StringComparison.Ordinal) ? data[..^2] : data.EndsWith('\n') ? data[..^1] : data;
        return new BodyPart(headers, Encoding.Latin1.GetBytes(data));
    }
}
