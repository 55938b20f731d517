using System.Buffers;
using System.Text;

namespace Zoo.Core.Xml;

/// <summary>
/// Serialises a document exactly as libxml2's formatted dump does (what ZOO-Kernel sends):
/// two-space indentation, <c>&lt;a/&gt;</c> for empty elements, and no indentation inside an
/// element that holds text, so that text content is never altered.
/// </summary>
public static class XmlFormatter
{
    public static string Document(ElementNode root, string encoding)
    {
        var output = new StringBuilder(4096);
        output.Append("<?xml version=\"1.0\" encoding=\"").Append(encoding).Append("\"?>\n");
        WriteNode(output, root, 0, indent: true);
        output.Append('\n');
        return output.ToString();
    }

    /// <summary>An element as it is written <paramref name="depth"/> levels down a document, for splicing into a stored one.</summary>
    public static string Fragment(ElementNode element, int depth)
    {
        var output = new StringBuilder(256);
        WriteElement(output, element, depth, indent: true);
        return output.ToString();
    }

    private static void WriteNode(StringBuilder output, Node node, int depth, bool indent)
    {
        switch (node)
        {
            case ElementNode element:
                WriteElement(output, element, depth, indent);
                break;
            case TextNode text:
                AppendEscaped(output, text.Text, inAttribute: false);
                break;
            case CDataNode cdata:
                output.Append("<![CDATA[").Append(cdata.Text.Replace("]]>", "]]]]><![CDATA[>")).Append("]]>");
                break;
            case CommentNode comment:
                output.Append("<!--").Append(comment.Text.Replace("--", "- -")).Append("-->");
                break;
            case RawXmlNode raw:
                output.Append(raw.Xml);
                break;
        }
    }

    private static void WriteElement(StringBuilder output, ElementNode element, int depth, bool indent)
    {
        output.Append('<').Append(element.Name);
        foreach (var (name, value) in element.Attributes)
        {
            output.Append(' ').Append(name).Append("=\"");
            AppendEscaped(output, value, inAttribute: true);
            output.Append('"');
        }
        if (element.Children.Count == 0)
        {
            output.Append("/>");
            return;
        }
        output.Append('>');
        var indentChildren = indent && !element.Children.Any(c => c is TextNode or CDataNode);
        foreach (var child in element.Children)
        {
            if (indentChildren)
                output.Append('\n').Append(' ', 2 * (depth + 1));
            WriteNode(output, child, depth + 1, indentChildren);
        }
        if (indentChildren)
            output.Append('\n').Append(' ', 2 * depth);
        output.Append("</").Append(element.Name).Append('>');
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(TextSpecialChars());
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(TextSpecialChars() + "\"\n\t");

    // Markup characters, CR, and the control characters XML 1.0 cannot carry.
    private static string TextSpecialChars()
    {
        var controls = Enumerable.Range(0, 0x20).Where(c => c is not ('\n' or '\t')).Select(c => (char)c);
        return "<>&" + string.Concat(controls);
    }

    private static void AppendEscaped(StringBuilder output, string value, bool inAttribute)
    {
        var specials = inAttribute ? AttributeSpecials : TextSpecials;
        var rest = value.AsSpan();
        while (rest.IndexOfAny(specials) is var at and >= 0)
        {
            output.Append(rest[..at]);
            output.Append(rest[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\r' => "&#13;",
                '"' => "&quot;",
                '\n' => "&#10;",
                '\t' => "&#9;",
                // Characters XML 1.0 cannot carry are dropped rather than making the document unreadable.
                _ => "",
            });
            rest = rest[(at + 1)..];
        }
        output.Append(rest);
    }
}
