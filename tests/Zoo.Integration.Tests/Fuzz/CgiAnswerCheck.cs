using System.Text;
using System.Xml;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>Something wrong with one answer: its class (for the summary) and what exactly.</summary>
public sealed record Problem(string Class, string Detail)
{
    public override string ToString() => $"{Class}: {Detail}";
}

/// <summary>
/// What every answer of zoo_loader.cgi must be, whatever the request: a process that ends by itself with
/// exit code 0 within the time limits, and a CGI answer a web server can forward as it is.
/// </summary>
public static class CgiAnswerCheck
{
    public static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxWallTime = TimeSpan.FromSeconds(1);
    public const long MaxPeakRss = 64L * 1024 * 1024;

    /// <summary>Texts of files the kernel must never disclose (see <see cref="OutsideWorld"/>).</summary>
    public static readonly string[] Secrets = [OutsideWorld.SecretMarker, "root:x:0:0:"];

    public static IReadOnlyList<Problem> Problems(FuzzRequest request, CgiRun run)
    {
        var problems = new List<Problem>();
        if (run.SpawnError is not null)
        {
            problems.Add(new("harness", run.SpawnError));
            return problems;
        }
        if (run.KilledAtDeadline)
            problems.Add(new("hang", $"no exit within {KillAfter.TotalSeconds:0} s: killed"));
        else if (run.Signal is { } signal)
            problems.Add(new("signal", $"died of {Fuzz.Libc.SignalName(signal)}"));
        else if (run.ExitCode is not 0)
            problems.Add(new("exit-code", $"exit code {run.ExitCode}"));
        if (run.OutputHeldOpen)
            problems.Add(new("stdout-held-open", "the process exited but something it started still holds its standard output or error"));
        if (!run.KilledAtDeadline && run.Elapsed >= MaxWallTime)
            problems.Add(new("slow", $"{run.Elapsed.TotalMilliseconds:0} ms (limit {MaxWallTime.TotalMilliseconds:0} ms)"));
        if (run.PeakRssBytes >= MaxPeakRss)
            problems.Add(new("memory", $"peak RSS {run.PeakRssBytes / (1024.0 * 1024):0.#} MiB (limit {MaxPeakRss / (1024 * 1024)} MiB)"));
        if (run.OutputCut)
            problems.Add(new("huge-output", "more than 128 MiB on standard output"));
        if (run.KilledAtDeadline)
            return problems;

        var answer = CgiAnswer.Parse(run.Output, problems);
        if (answer is null)
            return problems;
        var status = answer.Status;
        var success = status is { Length: >= 3 } && status[0] == '2';
        var secret = Secrets.FirstOrDefault(s => answer.Text.Contains(s, StringComparison.Ordinal)
                                                 || answer.HeaderText.Contains(s, StringComparison.Ordinal));
        if (secret is not null)
            problems.Add(new("secret-leaked", $"the answer contains \"{secret}\""));
        if (answer.Body.Length == 0)
        {
            problems.Add(new("empty-body", "no body after the headers"));
            return problems;
        }
        if (success && request.MayAnswerRaw)
            return problems; // raw data may be anything the service produced
        if (answer.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value is { } type && type.StartsWith("application/", StringComparison.Ordinal) && type.Contains("json", StringComparison.Ordinal))
        {
            // An OGC API answer (a PATH_INFO makes the request one): a JSON object, an exception document when it fails.
            if (JsonError(answer.Body, success) is { } jsonError)
                problems.Add(new("not-json-exception", jsonError));
            return problems;
        }
        var (root, error) = XmlRoot(answer.Body);
        if (error is not null)
            problems.Add(new("not-xml", $"{error}; body starts: {Printable.Of(answer.Body.AsSpan(0, Math.Min(answer.Body.Length, 200)), 200)}"));
        else if (!success && root != "ExceptionReport")
            problems.Add(new("not-exception-report", $"Status {status} with a <{root}> document"));
        return problems;
    }

    private static string? JsonError(byte[] body, bool success)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object ? "not a JSON object"
                : !success && !document.RootElement.TryGetProperty("type", out _) ? "a failure without an exception document"
                : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            return "not well-formed JSON: " + e.Message;
        }
    }

    /// <summary>
    /// Reads the whole document with DTDs prohibited and nothing resolved; returns the local name of its root
    /// (of the first element in the Body of a SOAP Envelope, which is how the kernel answers a SOAP request) or the error.
    /// </summary>
    private static (string? Root, string? Error) XmlRoot(byte[] body)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
        };
        string? root = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            var soap = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (root is null)
                {
                    root = reader.LocalName;
                    soap = root == "Envelope" && reader.NamespaceURI.Contains("soap", StringComparison.OrdinalIgnoreCase);
                }
                else if (soap && reader.Depth == 2)
                {
                    root = reader.LocalName;
                    soap = false;
                }
            }
            return root is null ? (null, "no root element") : (root, null);
        }
        catch (XmlException e)
        {
            return (null, "not well-formed XML: " + e.Message);
        }
    }
}

/// <summary>A CGI answer split strictly: header lines (each "Name: value", CRLF or LF), a blank line, the body.</summary>
public sealed class CgiAnswer
{
    private CgiAnswer(List<KeyValuePair<string, string>> headers, byte[] body, string headerText)
    {
        Headers = headers;
        Body = body;
        HeaderText = headerText;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string HeaderText { get; }

    public string Text => Encoding.UTF8.GetString(Body);

    public string? Status => Headers.FirstOrDefault(h => h.Key.Equals("Status", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The answer, or null when it is not a CGI answer at all; what is wrong goes to <paramref name="problems"/>.</summary>
    public static CgiAnswer? Parse(byte[] output, List<Problem> problems)
    {
        if (output.Length == 0)
        {
            problems.Add(new("no-answer", "nothing on standard output"));
            return null;
        }
        var headers = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (true)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            if (end < 0)
            {
                problems.Add(new("no-answer", "no blank line after the header lines; output starts: " + Printable.Of(output.AsSpan(0, Math.Min(output.Length, 200)))));
                return null;
            }
            var lineEnd = end > position && output[end - 1] == '\r' ? end - 1 : end;
            var line = output.AsSpan(position, lineEnd - position);
            position = end + 1;
            if (line.Length == 0)
                break;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
            {
                problems.Add(new("bad-header", "not a header line: " + Printable.Of(line, 200)));
                continue;
            }
            var value = line[(colon + 1)..].Trim(" \t"u8);
            var control = value.IndexOfAnyInRange((byte)0, (byte)0x1f);
            if ((control >= 0 && value[control] != '\t') || value.Contains((byte)0x7f))
                problems.Add(new("bad-header", "control character in a header value: " + Printable.Of(line, 200)));
            headers.Add(KeyValuePair.Create(Encoding.ASCII.GetString(line[..colon]), Encoding.UTF8.GetString(value)));
        }
        foreach (var required in new[] { "Content-Type", "Status" })
        {
            var count = headers.Count(h => h.Key.Equals(required, StringComparison.OrdinalIgnoreCase));
            if (count == 0)
                problems.Add(new("missing-header", $"no {required} header"));
            else if (count > 1)
                problems.Add(new("bad-header", $"{count} {required} headers"));
        }
        // The attacks smuggle "X-Injected: 1" after a CR LF in mime types, languages, host names: never a header of its own.
        foreach (var injected in headers.Where(h => h.Key.Contains("Injected", StringComparison.OrdinalIgnoreCase)))
            problems.Add(new("header-injection", $"a header line from the request: {Printable.Of($"{injected.Key}: {injected.Value}", 200)}"));
        var answer = new CgiAnswer(headers, output[position..], Encoding.UTF8.GetString(output, 0, position));
        if (answer.Status is { } status && !System.Text.RegularExpressions.Regex.IsMatch(status, "^[1-5][0-9][0-9]( |$)"))
            problems.Add(new("bad-status", $"Status: {Printable.Of(status, 100)}"));
        return answer;
    }

    private static bool IsToken(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || "!#$%&'*+-.^_`|~"u8.Contains(b)))
                return false;
        }
        return true;
    }
}
