using System.Xml;
using System.Xml.Linq;

namespace Zoo.Core.Xml;

/// <summary>
/// Turns XML text (a complex output that is XML) into nodes to embed in a response, keeping its
/// prefixes and namespace declarations. Parsed with DTDs refused, like every XML this kernel reads.
/// </summary>
public static class XmlImport
{
    /// <returns>the document's root as a node, or null when the text is not well-formed XML.</returns>
    public static ElementNode? TryParse(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader).Root is { } root ? Convert(root) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static ElementNode Convert(XElement element)
    {
        var node = new ElementNode(QualifiedName(element, element.Name));
        foreach (var attribute in element.Attributes())
        {
            var name = attribute.IsNamespaceDeclaration
                ? attribute.Name.Namespace == XNamespace.None ? "xmlns" : "xmlns:" + attribute.Name.LocalName
                : QualifiedName(element, attribute.Name);
            node.Attr(name, attribute.Value);
        }
        foreach (var child in element.Nodes())
        {
            switch (child)
            {
                case XElement childElement:
                    node.Add(Convert(childElement));
                    break;
                case XCData cdata:
                    node.Add(new CDataNode(cdata.Value));
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    node.Add(new TextNode(text.Value));
                    break;
            }
        }
        return node;
    }

    private static string QualifiedName(XElement scope, XName name)
    {
        if (name.Namespace == XNamespace.None)
            return name.LocalName;
        if (name.Namespace == XNamespace.Xml)
            return "xml:" + name.LocalName;
        var prefix = scope.GetPrefixOfNamespace(name.Namespace);
        return string.IsNullOrEmpty(prefix) ? name.LocalName : prefix + ":" + name.LocalName;
    }
}
