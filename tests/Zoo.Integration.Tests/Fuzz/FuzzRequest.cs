using System.Globalization;
using System.Text;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>
/// One CGI request as a web server hands it over: the CGI variables (as raw bytes, so that invalid UTF-8 and
/// control characters reach the process as they would from a hostile client) and the body on standard input.
/// CONTENT_LENGTH is the body's true length unless the request says otherwise (absent, or a lie).
/// </summary>
public sealed record FuzzRequest
{
    /// <summary>The generator that made it (see <see cref="FuzzPlan"/>).</summary>
    public string Attack { get; init; } = "";

    /// <summary>REQUEST_METHOD; null leaves it unset.</summary>
    public byte[]? Method { get; init; } = "GET"u8.ToArray();

    public byte[] QueryString { get; init; } = [];

    public string? ContentType { get; init; }

    public FuzzBody Body { get; init; } = FuzzBody.Empty;

    /// <summary>CONTENT_LENGTH exactly as sent when set; otherwise the body's length (unset for no body).</summary>
    public string? ContentLength { get; init; }

    public bool OmitContentLength { get; init; }

    /// <summary>More variables (HTTP_*, SERVER_NAME, ...); a name given here replaces the standard one.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Extra { get; init; } = [];

    public static FuzzRequest Get(string query) => new() { QueryString = Encoding.UTF8.GetBytes(query) };

    public static FuzzRequest Get(byte[] query) => new() { QueryString = query };

    public static FuzzRequest Post(FuzzBody body, string? contentType = "text/xml", string query = "") =>
        new() { Method = "POST"u8.ToArray(), Body = body, ContentType = contentType, QueryString = Encoding.UTF8.GetBytes(query) };

    public static FuzzRequest Post(string body, string? contentType = "text/xml", string query = "") => Post(FuzzBody.Of(body), contentType, query);

    public FuzzRequest WithVariable(string name, string value) => WithVariable(name, Encoding.UTF8.GetBytes(value));

    public FuzzRequest WithVariable(string name, byte[] value) =>
        this with { Extra = [.. Extra.Where(v => v.Key != name), KeyValuePair.Create(name, value)] };

    /// <summary>The CGI variables in the order they are put in the environment.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Variables()
    {
        var variables = new List<KeyValuePair<string, byte[]>>
        {
            KeyValuePair.Create("PATH", "/usr/local/bin:/usr/bin:/bin"u8.ToArray()),
            KeyValuePair.Create("GATEWAY_INTERFACE", "CGI/1.1"u8.ToArray()),
            KeyValuePair.Create("SERVER_PROTOCOL", "HTTP/1.1"u8.ToArray()),
        };
        if (Method is not null)
            variables.Add(KeyValuePair.Create("REQUEST_METHOD", Method));
        variables.Add(KeyValuePair.Create("QUERY_STRING", QueryString));
        if (ContentType is not null)
            variables.Add(KeyValuePair.Create("CONTENT_TYPE", Encoding.UTF8.GetBytes(ContentType)));
        var length = ContentLength ?? (Body.Length > 0 ? Body.Length.ToString(CultureInfo.InvariantCulture) : null);
        if (length is not null && !OmitContentLength)
            variables.Add(KeyValuePair.Create("CONTENT_LENGTH", Encoding.UTF8.GetBytes(length)));
        foreach (var extra in Extra)
        {
            variables.RemoveAll(v => v.Key == extra.Key);
            variables.Add(extra);
        }
        return variables;
    }

    /// <summary>
    /// True when the request may legitimately be answered with raw data (RawDataOutput, response=raw,
    /// ZOO's GetStatus service) rather than an XML document: looked for in the percent-decoded query and body head.
    /// </summary>
    public bool MayAnswerRaw
    {
        get
        {
            var text = Decoded(QueryString) + "\n" + Decoded(Body.Head(1024 * 1024));
            return text.Contains("rawdataoutput", StringComparison.Ordinal)
                   || System.Text.RegularExpressions.Regex.IsMatch(text, "response\\s*=\\s*[\"']?\\s*raw");
        }
    }

    /// <summary>The request in one paragraph for a failure message: method, variables, query and body, each cut short.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("attack ").Append(Attack).Append(": ");
        text.Append("REQUEST_METHOD=").Append(Method is null ? "(unset)" : Printable.Of(Method, 60));
        foreach (var (name, value) in Variables().Where(v => v.Key is not ("PATH" or "GATEWAY_INTERFACE" or "SERVER_PROTOCOL" or "REQUEST_METHOD" or "QUERY_STRING")))
            text.Append(' ').Append(name).Append('=').Append(Printable.Of(value, 120));
        text.Append("\n    QUERY_STRING (").Append(Printable.Size(QueryString.Length)).Append("): ").Append(Printable.Of(QueryString, 500));
        if (Body.Length > 0)
            text.Append("\n    body (").Append(Printable.Size(Body.Length)).Append("): ").Append(Body.Describe());
        return text.ToString();
    }

    /// <summary>A bash command that replays the request by hand in a directory holding zoo_loader.cgi and main.cfg.</summary>
    public string ShellCommand(string bodyFile)
    {
        var command = new StringBuilder("env -i");
        foreach (var (name, value) in Variables())
            command.Append(' ').Append(name).Append("=$'").Append(AnsiC(value)).Append('\'');
        command.Append(" ./zoo_loader.cgi");
        command.Append(Body.Length > 0 ? $" < {bodyFile}" : " < /dev/null");
        return command.ToString();
    }

    private static string AnsiC(byte[] value)
    {
        var text = new StringBuilder();
        foreach (var b in value)
            text.Append(b is >= 0x20 and < 0x7f and not (byte)'\'' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        return text.ToString();
    }

    private static string Decoded(byte[] bytes)
    {
        var decoded = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                decoded.Append((char)Convert.ToByte(Encoding.ASCII.GetString(bytes, i + 1, 2), 16));
                i += 2;
            }
            else
                decoded.Append((char)bytes[i]);
        }
        return decoded.ToString().ToLowerInvariant();
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
