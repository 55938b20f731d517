using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// The data part of a WPS 1.0.0 Input (LiteralData, ComplexData, BoundingBoxData) or Output
/// (LiteralOutput, ComplexOutput, BoundingBoxOutput), in the schema's element order.
/// </summary>
public static class DataWriter10
{
    public static ElementNode Input(DataDescription data, IoDescription io) => data.Kind switch
    {
        DataKind.Literal => Literal("LiteralData", data, isInput: true),
        DataKind.Complex => Complex("ComplexData", data).AttrIfSet("maximumMegabytes", io.Keys["maximumMegabytes"]),
        _ => BoundingBox("BoundingBoxData", data),
    };

    public static ElementNode Output(DataDescription data) => data.Kind switch
    {
        DataKind.Literal => Literal("LiteralOutput", data, isInput: false),
        DataKind.Complex => Complex("ComplexOutput", data),
        _ => BoundingBox("BoundingBoxOutput", data),
    };

    private static ElementNode Literal(string name, DataDescription data, bool isInput)
    {
        var element = new ElementNode(name);
        if (LiteralDomain.DataType(data.Default) is { } dataType)
            element.Add(dataType);
        if (data.Default?["uom"] is { } defaultUnit)
        {
            var uoms = element.Child("UOMs");
            uoms.Child("Default").TextChild("ows:UOM", defaultUnit);
            var supported = uoms.Child("Supported");
            var units = data.Supported.Select(s => s["uom"]).OfType<string>().DefaultIfEmpty(defaultUnit);
            foreach (var unit in units)
                supported.TextChild("ows:UOM", unit);
        }
        if (isInput)
            element.Add(LiteralDomain.Values(data.Default));
        return element.TextChildIfSet("DefaultValue", data.Default?["value"]);
    }

    /// <remarks>Without supported blocks ZOO lists the default format as the one supported.</remarks>
    private static ElementNode Complex(string name, DataDescription data)
    {
        var defaults = data.Default ?? ConfigValues.Empty;
        var element = new ElementNode(name);
        element.Child("Default").Add(Format(defaults));
        var supported = element.Child("Supported");
        foreach (var format in data.Supported.DefaultIfEmpty(defaults))
            supported.Add(Format(format));
        return element;
    }

    private static ElementNode Format(ConfigValues format) =>
        new ElementNode("Format")
            .TextChild("MimeType", format.Get("mimeType", "text/plain"))
            .TextChildIfSet("Encoding", format["encoding"])
            .TextChildIfSet("Schema", format["schema"]);

    private static ElementNode BoundingBox(string name, DataDescription data)
    {
        var element = new ElementNode(name);
        element.Child("Default").TextChild("CRS", BoundingBoxCrs.Default(data));
        var supported = element.Child("Supported");
        foreach (var crs in BoundingBoxCrs.Supported(data))
            supported.TextChild("CRS", crs);
        return element;
    }
}
