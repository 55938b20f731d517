using System.Text;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.Processes;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// The content of an output by value, shared by both versions: XML inline when it is XML, base64
/// when binary or asked for, CDATA for other text, and a bounding box as ows corners.
/// </summary>
public static class OutputDataWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Fills <paramref name="data"/> (wps:ComplexData in 1.0.0, wps:Data in 2.0.0) with a complex output's value.</summary>
    public static void Complex(ElementNode data, ProducedOutput output)
    {
        var mimeType = output.Text("mimeType");
        var encoding = output.Text("encoding");
        var content = OutputCollector.Content(output.Map);
        var text = AsText(content);
        var base64 = text is null || string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase);
        data.AttrIfSet("mimeType", mimeType)
            .AttrIfSet("encoding", base64 ? "base64" : encoding)
            .AttrIfSet("schema", output.Text("schema"));
        if (base64)
            data.Text(Convert.ToBase64String(content));
        else if (output.EmbeddedXml is { } xml)
            data.Add(new RawXmlNode(xml));
        else
            data.Add(new CDataNode(text!));
    }

    /// <summary>The value of a bounding box output as lower and upper corners (it holds "minx,miny,maxx,maxy").</summary>
    public static ElementNode BoundingBox(string elementName, ProducedOutput output)
    {
        var value = output.Map["value"]?.ToString() ?? "";
        var numbers = value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var half = numbers.Length / 2;
        var element = new ElementNode(elementName)
            .AttrIfSet("crs", output.Text("crs") ?? output.Declaration.Data?.Default?["CRS"])
            .AttrIfSet("dimensions", output.Text("dimensions") ?? (half > 0 ? half.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        return element
            .TextChild("ows:LowerCorner", string.Join(' ', numbers.Take(half)))
            .TextChild("ows:UpperCorner", string.Join(' ', numbers.Skip(half)));
    }

    public static string LiteralText(ProducedOutput output) => output.Map["value"]?.ToString() ?? "";

    private static string? AsText(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
