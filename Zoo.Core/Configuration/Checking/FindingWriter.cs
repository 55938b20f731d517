using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// Writes the findings: one line each, <c>file:line: severity: [section] key: message</c>, as compilers write theirs
/// (editors jump to them), then a count; or, for scripts, a JSON array of objects with <c>file</c>, <c>line</c> (null
/// when the finding is no line's), <c>section</c>, <c>key</c>, <c>severity</c> and <c>message</c>.
/// </summary>
public static class FindingWriter
{
    public static void WriteText(TextWriter output, IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
            output.WriteLine(Line(finding));
        var errors = findings.Count(f => f.Severity == Severity.Error);
        output.WriteLine($"{Count(errors, "error")}, {Count(findings.Count(f => f.Severity == Severity.Warning), "warning")}, "
                         + $"{Count(findings.Count(f => f.Severity == Severity.Notice), "notice")}: "
                         + (errors == 0 ? "the install would work" : "the install would not work"));
    }

    public static string Line(Finding finding)
    {
        var place = finding.Place;
        var text = new StringBuilder(place.File);
        if (place.Line > 0)
            text.Append(':').Append(place.Line);
        text.Append(": ").Append(Name(finding.Severity)).Append(": ");
        if (place.Section is not null)
            text.Append('[').Append(place.Section).Append(']').Append(place.Key is null ? ": " : " ");
        if (place.Key is not null)
            text.Append(place.Key).Append(": ");
        return text.Append(finding.Message).ToString();
    }

    public static void WriteJson(Stream output, IReadOnlyList<Finding> findings)
    {
        // Read by scripts and people, never embedded in HTML: quotes and markup are left as they are.
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (var (severity, place, message) in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("file", place.File);
            if (place.Line > 0)
                writer.WriteNumber("line", place.Line);
            else
                writer.WriteNull("line");
            writer.WriteString("section", place.Section);
            writer.WriteString("key", place.Key);
            writer.WriteString("severity", Name(severity));
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
        output.Write("\n"u8);
    }

    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
