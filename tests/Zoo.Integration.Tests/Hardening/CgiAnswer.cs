using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>What every answer of the hardening tests must be, whatever the request: a proper CGI answer.</summary>
public static partial class CgiAnswer
{
    /// <summary>
    /// Header lines a web server accepts (a token, a colon, a value without control characters), a Content-Type, a
    /// Status line of three digits, and a body that is XML when the Content-Type says so.
    /// </summary>
    public static void AssertProper(CgiResult result)
    {
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in result.Headers)
            {
                Assert.That(Token().IsMatch(name), Is.True, $"header name \"{name}\"");
                Assert.That(value.Any(c => char.IsControl(c) && c != '\t'), Is.False, $"control character in the value of {name}: \"{value}\"");
            }
            Assert.That(result.ContentType, Is.Not.Empty, "no Content-Type");
            Assert.That(result.Status, Does.Match(@"^\d{3}( |$)"), "Status line");
        });
        if (IsXml(result))
            Assert.That(() => XDocument.Parse(result.Text), Throws.Nothing, () => "a body labelled XML that is not:\n" + Head(result));
    }

    /// <summary>The answer is a proper ExceptionReport with this code; returns it for further checks.</summary>
    public static XElement AssertReport(CgiResult result, string code, string? locator = null)
    {
        AssertProper(result);
        Assert.That(XDocument.Parse(result.Text).Root!.Name.LocalName, Is.EqualTo("ExceptionReport"), () => Head(result));
        var exception = OwsReport.First(result);
        Assert.That(exception.Attribute("exceptionCode")?.Value, Is.EqualTo(code), () => Head(result));
        if (locator is not null)
            Assert.That(exception.Attribute("locator")?.Value, Is.EqualTo(locator), () => Head(result));
        return exception;
    }

    public static bool IsXml(CgiResult result) =>
        result.ContentType.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)
        || result.ContentType.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The start of the answer, for failure messages about answers that may be megabytes long.</summary>
    public static string Head(CgiResult result, int characters = 2000)
    {
        var text = result.Text;
        var headers = string.Join("\n", result.Headers.Select(h => $"{h.Key}: {h.Value}"));
        return $"{headers}\n\n{(text.Length <= characters ? text : text[..characters] + $"... ({text.Length} characters)")}";
    }

    /// <summary>The header block of raw CGI output, split into its lines at CRLF or LF (what a web server reads).</summary>
    public static IReadOnlyList<string> RawHeaderLines(byte[] output)
    {
        var text = Encoding.UTF8.GetString(output);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lfEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (end < 0 || (lfEnd >= 0 && lfEnd < end))
            end = lfEnd;
        Assert.That(end, Is.GreaterThan(0), "CGI output without a header block");
        return text[..end].Split('\n').Select(line => line.EndsWith('\r') ? line[..^1] : line).ToList();
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex Token();
}
