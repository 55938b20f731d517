using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>The data part of a WPS 2.0.0 Input or Output: wps:LiteralData, wps:ComplexData, wps:BoundingBoxData.</summary>
public static class DataWriter20
{
    public static ElementNode Data(DataDescription data, IoDescription io, bool isInput) => data.Kind switch
    {
        DataKind.Literal => Literal(data, isInput),
        DataKind.Complex => Complex(data, io),
        _ => BoundingBox(data),
    };

    /// <remarks>
    /// One more domain per supported unit. ZOO copies those domains from a detached tree, so their
    /// first elements repeat the ows namespace declaration; written the same way, for byte-for-byte clients.
    /// </remarks>
    private static ElementNode Literal(DataDescription data, bool isInput)
    {
        var element = new ElementNode("wps:LiteralData");
        element.Child("wps:Format").Attr("mimeType", "text/plain").Attr("default", "true");
        element.Add(Domain(data.Default, data.Default?["uom"], isInput, extraNamespace: null).Attr("default", "true"));
        foreach (var unit in data.Supported.Select(s => s["uom"]).OfType<string>())
            element.Add(Domain(data.Default, unit, isInput, WpsVersion.V200.OwsNamespace));
        return element;
    }

    private static ElementNode Domain(ConfigValues? defaults, string? unit, bool isInput, string? extraNamespace)
    {
        var domain = new ElementNode("LiteralDataDomain");
        domain.Add(isInput
            ? LiteralDomain.Values(defaults, extraNamespace)
            : LiteralDomain.OutputValues(defaults, extraNamespace));
        if (LiteralDomain.DataType(defaults, extraNamespace) is { } dataType)
            domain.Add(dataType);
        return domain
            .TextChildIfSet("ows:UOM", unit)
            .TextChildIfSet("ows:DefaultValue", defaults?["value"]);
    }

    /// <remarks>Without supported blocks ZOO repeats the default format as the supported one.</remarks>
    private static ElementNode Complex(DataDescription data, IoDescription io)
    {
        var defaults = data.Default ?? ConfigValues.Empty;
        var maximum = io.Keys["maximumMegabytes"];
        var element = new ElementNode("wps:ComplexData");
        element.Add(Format(defaults, maximum, isDefault: true));
        foreach (var supported in data.Supported.DefaultIfEmpty(defaults))
            element.Add(Format(supported, maximum, isDefault: false));
        return element;
    }

    private static ElementNode Format(ConfigValues format, string? maximumMegabytes, bool isDefault) =>
        new ElementNode("wps:Format")
            .AttrIfSet("default", isDefault ? "true" : null)
            .Attr("mimeType", format.Get("mimeType", "text/plain"))
            .AttrIfSet("encoding", format["encoding"])
            .AttrIfSet("schema", format["schema"])
            .AttrIfSet("maximumMegabytes", maximumMegabytes);

    private static ElementNode BoundingBox(DataDescription data)
    {
        var element = new ElementNode("wps:BoundingBoxData");
        element.Child("wps:Format").Attr("mimeType", "text/xml").Attr("default", "true");
        element.Child("wps:SupportedCRS").Attr("default", "true").Text(BoundingBoxCrs.Default(data));
        foreach (var crs in BoundingBoxCrs.Supported(data))
            element.Child("wps:SupportedCRS").Text(crs);
        return element;
    }
}
