using System.Globalization;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// A raw output (1.0.0 RawDataOutput, 2.0.0 response=raw): the output's bytes with ZOO's headers —
/// Content-Length, Content-Type with charset, Content-Disposition when the service named a file,
/// [headers], and ZOO's status line (with its trailing ';').
/// </summary>
public static class RawOutputWriter
{
    public static CgiResponse Build(ProducedOutput output, string encoding, IEnumerable<KeyValuePair<string, string>> extraHeaders,
        string status)
    {
        byte[] body;
        string mimeType;
        if (output.Kind == DataKind.BoundingBox)
        {
            var box = OutputDataWriter.BoundingBox("ows:BoundingBox", output)
                .Attr("xmlns:ows", WpsVersion.V100.OwsNamespace);
            body = System.Text.Encoding.UTF8.GetBytes(XmlFormatter.Document(box, encoding));
            mimeType = "text/xml";
        }
        else
        {
            body = OutputCollector.Content(output.Map);
            mimeType = output.Text("mimeType") ?? "text/plain";
        }
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)),
            new("Content-Type", $"{mimeType}; charset={encoding}"),
        };
        if (output.Text("filename") is { Length: > 0 } filename)
            headers.Add(new("Content-Disposition", $"attachment; filename=\"{SafeFileName(filename)}\""));
        headers.AddRange(extraHeaders);
        headers.Add(new("Status", status + ";"));
        return new CgiResponse(headers, body);
    }

    /// <summary>A file name a service gave, kept to characters that cannot break the header.</summary>
    private static string SafeFileName(string name) =>
        new(Path.GetFileName(name).Where(c => c >= 0x20 && c != '"' && c != '\\' && c != 0x7f).ToArray());
}
