using System.Text;

namespace Zoo.Integration.Tests.Support;

/// <summary>What a CGI wrote: its header lines in order, and the body.</summary>
public sealed record CgiResult(IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string StandardError, int ExitCode)
{
    public string Status => Header("Status") ?? "";

    public string ContentType => Header("Content-Type") ?? "";

    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Splits raw CGI output at the first empty line (CRLF or LF, as web servers accept both).</summary>
    public static CgiResult Parse(byte[] output, string standardError, int exitCode)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (true)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            if (end < 0)
                throw new FormatException("CGI output has no blank line after its headers:\n" + Encoding.UTF8.GetString(output));
            var line = Encoding.UTF8.GetString(output, position, end - position).TrimEnd('\r');
            position = end + 1;
            if (line.Length == 0)
                break;
            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw new FormatException($"not a header line: \"{line}\"");
            headers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim()));
        }
        return new CgiResult(headers, output[position..], standardError, exitCode);
    }
}
