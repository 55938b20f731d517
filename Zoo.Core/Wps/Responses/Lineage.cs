using System.Text;
using Zoo.Core.Files;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>WPS 1.0.0 lineage: the inputs and output definitions of the request, echoed in the ExecuteResponse.</summary>
public static class Lineage
{
    public static ElementNode Inputs(IReadOnlyList<InputValue> inputs)
    {
        var element = new ElementNode("wps:DataInputs");
        foreach (var input in inputs)
        {
            var echo = element.Child("wps:Input").TextChild("ows:Identifier", input.Name);
            if (input.Reference is { } reference)
            {
                echo.Child("wps:Reference")
                    .Attr("xlink:href", reference.Href)
                    .AttrIfSet("mimeType", input.Attributes["mimeType"])
                    .AttrIfSet("encoding", input.Attributes["encoding"])
                    .AttrIfSet("schema", input.Attributes["schema"]);
                continue;
            }
            var data = echo.Child("wps:Data");
            if (input.BoundingBox is { } box)
            {
                data.Child("wps:BoundingBoxData").AttrIfSet("crs", box.Crs).AttrIfSet("dimensions", box.Dimensions)
                    .TextChild("ows:LowerCorner", box.LowerCorner)
                    .TextChild("ows:UpperCorner", box.UpperCorner);
            }
            else if (input.Attributes.Contains("mimeType") || input.Data is not null)
            {
                var complex = data.Child("wps:ComplexData")
                    .AttrIfSet("mimeType", input.Attributes["mimeType"])
                    .AttrIfSet("encoding", input.Attributes["encoding"])
                    .AttrIfSet("schema", input.Attributes["schema"]);
                complex.Add(Echo(input));
            }
            else
            {
                data.Child("wps:LiteralData")
                    .AttrIfSet("dataType", input.Attributes["dataType"])
                    .AttrIfSet("uom", input.Attributes["uom"])
                    .Text(input.Value ?? "");
            }
        }
        return element;
    }

    /// <summary>
    /// Complex data given by value, as it lies in its input file: XML as the kernel copied it from the request
    /// (well-formed, within the depth limit), other text in CDATA, binary data (it came base64 encoded) in base64.
    /// </summary>
    private static Node Echo(InputValue input)
    {
        if (input.Data is not { } data)
            return new CDataNode(input.Value ?? "");
        var content = SafeFile.ReadAllBytes(data.Path, data.Size);
        if (data.IsXml)
            return new RawXmlNode(Encoding.UTF8.GetString(content));
        try
        {
            return new CDataNode(StrictUtf8.GetString(content));
        }
        catch (DecoderFallbackException)
        {
            return new TextNode(Convert.ToBase64String(content));
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static ElementNode OutputDefinitions(IReadOnlyList<OutputRequest> outputs)
    {
        var element = new ElementNode("wps:OutputDefinitions");
        foreach (var output in outputs)
        {
            element.Child("wps:Output")
                .AttrIfSet("asReference", output.Attributes["asReference"])
                .AttrIfSet("mimeType", output.Attributes["mimeType"])
                .AttrIfSet("encoding", output.Attributes["encoding"])
                .AttrIfSet("schema", output.Attributes["schema"])
                .AttrIfSet("uom", output.Attributes["uom"])
                .TextChild("ows:Identifier", output.Name);
        }
        return element;
    }
}
