using System.Xml;
using Zoo.Core.Configuration;

namespace Zoo.Core.Xml;

/// <summary>
/// Decides whether text a service produced can be embedded in an answer as XML: it must be a well-formed document
/// within the request limits (depth, markup size), without a DTD. Then it is embedded as written, minus its XML
/// declaration, which cannot stand inside another document.
/// </summary>
public static class XmlEmbedding
{
    /// <returns>the XML to embed, or null when the text is not XML the answer may carry (it then goes as text).</returns>
    public static string? Fragment(string text, Limits limits)
    {
        try
        {
            using var reader = BoundedXmlReader.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), limits);
            var elements = 0;
            while (reader.Read())
            {
                if (reader.Reader.NodeType == XmlNodeType.Element && reader.Reader.Depth == 0)
                    elements++;
            }
            if (elements != 1)
                return null;
        }
        catch (Wps.WpsException)
        {
            return null;
        }
        return WithoutDeclaration(text);
    }

    private static string WithoutDeclaration(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!start.StartsWith("<?xml", StringComparison.Ordinal) || start.Length < 6 || !char.IsWhiteSpace(start[5]))
            return start.TrimEnd();
        var end = start.IndexOf("?>", StringComparison.Ordinal);
        return end < 0 ? start : start[(end + 2)..].Trim();
    }
}
