using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Requests;

/// <summary>An XML (POST) request: the parameters ZOO derives from it; an Execute's inputs are read from the body later.</summary>
public sealed record XmlRequest(ConfigValues Parameters, bool IsSoap);

/// <summary>
/// Reads a POST body as a WPS XML request, in one streaming pass that checks the document (well-formed, no DTD,
/// within the depth and size limits) and keeps only what ZOO derives from it: the operation, the root's
/// <c>service</c>, <c>language</c> and <c>version</c>, AcceptVersions, and the Identifier and JobID children.
/// An Execute is read up to its identifier only: the Execute reader checks the rest as it reads the inputs.
/// A SOAP envelope's body is read as the request.
/// </summary>
public static class XmlRequestReader
{
    private static readonly string[] Operations = ["GetCapabilities", "DescribeProcess", "Execute", "GetStatus", "GetResult", "Dismiss"];

    public static XmlRequest Read(RequestBody body, Limits limits)
    {
        using var reader = BoundedXmlReader.Open(body.OpenRead(), limits);
        var isSoap = MoveToOperation(reader);
        var xml = reader.Reader;
        var operation = Operations.FirstOrDefault(o => o == xml.LocalName) ?? xml.LocalName;
        var pairs = new List<KeyValuePair<string, string>> { new("request", operation) };
        AddAttribute(pairs, reader, "service");
        AddAttribute(pairs, reader, "language");
        if (operation != "GetCapabilities")
            AddAttribute(pairs, reader, "version");
        else if (xml.NamespaceURI switch
                 {
                     "http://www.opengis.net/wps/1.0.0" => "1.0.0",
                     "http://www.opengis.net/wps/2.0" => "2.0.0",
                     _ => null,
                 } is { } fromNamespace)
            pairs.Add(new("version", fromNamespace));

        var identifiers = new List<string>();
        var jobIds = new List<string>();
        var accepted = new List<string>();
        var depth = xml.Depth + 1;
        if (!xml.IsEmptyElement)
        {
            while (reader.NextChildElement(depth))
            {
                // An Execute names its process first; its inputs, which can be large, are read once, by the Execute reader.
                if (operation == "Execute" && identifiers.Count > 0 && xml.LocalName != "Identifier")
                    break;
                switch (xml.LocalName)
                {
                    case "Identifier" when operation != "GetCapabilities":
                        Collect(identifiers, reader.ReadText("Identifier").Trim(), limits, "Identifier");
                        break;
                    case "JobID" when operation != "GetCapabilities":
                        Collect(jobIds, reader.ReadText("JobID").Trim(), limits, "JobID");
                        break;
                    case "AcceptVersions" when operation == "GetCapabilities":
                        while (reader.NextChildElement(depth + 1))
                        {
                            if (xml.LocalName == "Version")
                                Collect(accepted, reader.ReadText("AcceptVersions").Trim(), limits, "AcceptVersions");
                        }
                        break;
                }
            }
        }
        // The rest of the document (a SOAP envelope's end) must be well-formed too; an Execute's is checked as it is read.
        while (operation != "Execute" && reader.Read())
        {
        }
        if (accepted.Count > 0)
            pairs.Add(new("AcceptVersions", string.Join(',', accepted)));
        if (identifiers.Count > 0)
            pairs.Add(new("Identifier", string.Join(',', identifiers)));
        else if (jobIds.Count > 0)
            pairs.Add(new("JobID", string.Join(',', jobIds)));
        return new XmlRequest(new ConfigValues(pairs), isSoap);
    }

    /// <summary>
    /// Moves to the request's element: the root, or the one element in a SOAP envelope's Body.
    /// </summary>
    /// <returns>true when the request came in a SOAP envelope.</returns>
    public static bool MoveToOperation(BoundedXmlReader reader)
    {
        var xml = reader.Reader;
        if (!reader.NextChildElement(0))
            throw Messages.UnreadableXml("The document has no root element.");
        if (xml.LocalName != "Envelope" || xml.IsEmptyElement)
            return false;
        while (reader.NextChildElement(1))
        {
            if (xml.LocalName == "Body" && !xml.IsEmptyElement && reader.NextChildElement(2))
                return true;
        }
        throw Messages.UnreadableXml("The SOAP envelope has no request in its Body.");
    }

    private static void Collect(List<string> values, string value, Limits limits, string what)
    {
        if (values.Count == limits.MaxIdentifiers)
            throw Messages.TooManyValues(what, limits.MaxIdentifiers, "values of " + what);
        values.Add(value);
    }

    private static void AddAttribute(List<KeyValuePair<string, string>> pairs, BoundedXmlReader reader, string name)
    {
        if (reader.Attribute(name) is { } value)
            pairs.Add(new(name, value));
    }
}
