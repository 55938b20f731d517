using System.Text;

namespace Zoo.Core.Cgi;

/// <summary>A CGI answer: header lines (Content-Type first, Status last, as ZOO writes them) and the body.</summary>
public sealed record CgiResponse(IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static CgiResponse Xml(string status, string document, string encoding, IEnumerable<KeyValuePair<string, string>> extraHeaders)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Content-Type", $"text/xml; charset={encoding}") };
        headers.AddRange(extraHeaders);
        headers.Add(new("Status", status));
        return new CgiResponse(headers, Encoding.UTF8.GetBytes(document));
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// Writes the answer. A header value never carries a control character (a CR or LF would end the header and
    /// start another, whatever put it there: a service's mime type, a file name, main.cfg), and a header whose
    /// name is not an HTTP token is not written at all.
    /// </summary>
    public void WriteTo(Stream output)
    {
        var head = new StringBuilder();
        foreach (var (name, value) in Headers)
        {
            if (!HttpToken.IsToken(name))
                continue;
            head.Append(name).Append(": ");
            foreach (var c in value)
            {
                if (!char.IsControl(c) || c == '\t')
                    head.Append(c);
            }
            head.Append("\r\n");
        }
        head.Append("\r\n");
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));
        output.Write(Body);
        output.Flush();
    }
}
