using System.Xml;
using System.Xml.Linq;
using Zoo.Core.Configuration;

namespace Zoo.Core.Wps.Requests;

/// <summary>An XML (POST) request: the operation's element and the parameters ZOO derives from it.</summary>
public sealed record XmlRequest(XElement Operation, ConfigValues Parameters, bool IsSoap);

/// <summary>
/// Reads a POST body as a WPS XML request. DTDs are refused outright, so no entity is ever
/// expanded and no external resource is ever read or fetched.
/// </summary>
public static class XmlRequestReader
{
    private static readonly string[] Operations = ["GetCapabilities", "DescribeProcess", "Execute", "GetStatus", "GetResult", "Dismiss"];

    public static XmlRequest Read(byte[] body)
    {
        var root = Load(body);
        var isSoap = false;
        if (root.Name.LocalName == "Envelope"
            && root.Elements().FirstOrDefault(e => e.Name.LocalName == "Body") is { } soapBody
            && soapBody.Elements().Count() == 1)
        {
            root = soapBody.Elements().Single();
            isSoap = true;
        }

        var operation = Operations.FirstOrDefault(o => o == root.Name.LocalName) ?? root.Name.LocalName;
        var pairs = new List<KeyValuePair<string, string>> { new("request", operation) };
        AddAttribute(pairs, root, "service");
        AddAttribute(pairs, root, "language");
        if (operation == "GetCapabilities")
        {
            var accepted = root.Elements().Where(e => e.Name.LocalName == "AcceptVersions")
                .Elements().Where(e => e.Name.LocalName == "Version").Select(e => e.Value.Trim()).ToList();
            if (accepted.Count > 0)
                pairs.Add(new("AcceptVersions", string.Join(',', accepted)));
            var fromNamespace = root.Name.NamespaceName switch
            {
                "http://www.opengis.net/wps/1.0.0" => "1.0.0",
                "http://www.opengis.net/wps/2.0" => "2.0.0",
                _ => null,
            };
            if (fromNamespace is not null)
                pairs.Add(new("version", fromNamespace));
        }
        else
        {
            AddAttribute(pairs, root, "version");
            AddChildTexts(pairs, root, "Identifier");
            AddChildTexts(pairs, root, "JobID");
        }
        return new XmlRequest(root, new ConfigValues(pairs), isSoap);
    }

    /// <exception cref="WpsException">when the body is not well-formed XML or carries a DTD.</exception>
    private static XElement Load(byte[] body)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root
                   ?? throw new XmlException("The document has no root element.");
        }
        catch (XmlException e)
        {
            throw Messages.UnreadableXml(e.Message);
        }
    }

    private static void AddAttribute(List<KeyValuePair<string, string>> pairs, XElement root, string name)
    {
        if (root.Attribute(name) is { } attribute)
            pairs.Add(new(name, attribute.Value));
    }

    private static void AddChildTexts(List<KeyValuePair<string, string>> pairs, XElement root, string localName)
    {
        var texts = root.Elements().Where(e => e.Name.LocalName == localName).Select(e => e.Value.Trim()).ToList();
        if (texts.Count > 0)
            pairs.Add(new(localName, string.Join(',', texts)));
    }
}
