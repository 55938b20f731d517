using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Data;
using Zoo.Core.Files;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Xml;

namespace Zoo.Core.Callback;

/// <summary>
/// The content of a <c>wps:Data</c> for a value given inline, written so that a WPS 2.0.0 reader gets the same value
/// back: XML as XML, binary data as base64 (its encoding says so), anything else as text.
/// </summary>
internal static class InlineContent
{
    /// <exception cref="IOException">the value's input file is gone or larger than a request can be.</exception>
    public static Node Of(InputValue input, Limits limits)
    {
        var base64 = string.Equals(input.Attributes["encoding"], "base64", StringComparison.OrdinalIgnoreCase);
        if (input.Data is not { } data)
            return base64 ? new TextNode((input.Value ?? "").Trim()) : OfText(input.Value ?? "", MimeTypes.IsXml(input.Attributes["mimeType"]), limits);
        // Inline data came in the request body, so no input file can be larger than the largest body.
        var content = SafeFile.ReadAllBytes(data.Path, limits.MaxRequestBytes);
        // The reader decoded base64 data into its file, and copied XML data there as it came, well-formed.
        if (base64)
            return new TextNode(Convert.ToBase64String(content));
        if (data.IsXml)
            return new RawXmlNode(Encoding.UTF8.GetString(content));
        return OfText(Encoding.UTF8.GetString(content), MimeTypes.IsXml(input.Attributes["mimeType"]), limits);
    }

    /// <summary>Text, embedded as XML when it may be XML and is one well-formed element within the limits.</summary>
    public static Node OfText(string text, bool mayBeXml, Limits limits) =>
        mayBeXml && XmlEmbedding.Fragment(text, limits) is { } xml ? new RawXmlNode(xml) : new TextNode(text);
}
