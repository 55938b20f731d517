using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>The root element every WPS response starts with: ZOO's namespace declarations in ZOO's order.</summary>
public static class ResponseRoot
{
    public static ElementNode Create(string name, WpsVersion version, string operation) =>
        new ElementNode(name)
            .Attr("xmlns:ows", version.OwsNamespace)
            .Attr("xmlns:wps", version.WpsNamespace)
            .Attr("xmlns:xlink", WpsVersion.XlinkNamespace)
            .Attr("xmlns:xsi", WpsVersion.XsiNamespace)
            .Attr("xsi:schemaLocation", version.SchemaLocation(operation));

    /// <summary>The attributes WPS 1.0.0 responses (and 2.0.0 Capabilities) carry after the namespaces.</summary>
    public static ElementNode WithServiceAttributes(this ElementNode root, WpsVersion version, string language)
    {
        root.Attr("service", "WPS").Attr("version", version.Number);
        return version.IsV1 ? root.Attr("xml:lang", language) : root;
    }
}
