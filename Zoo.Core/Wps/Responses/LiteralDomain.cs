using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// The value domain of literal data, shared by both versions: data type, allowed values and
/// ranges, all read from the default block as ZOO does.
/// </summary>
public static class LiteralDomain
{
    private const string DataTypeReference = "http://www.w3.org/TR/xmlschema-2/#";

    public static ElementNode? DataType(ConfigValues? block, string? extraNamespace = null) =>
        block?["dataType"] is not { } dataType
            ? null
            : new ElementNode("ows:DataType")
                .AttrIfSet("xmlns:ows", extraNamespace)
                .Attr("ows:reference", DataTypeReference + dataType)
                .Text(dataType);

    /// <summary>
    /// ows:AllowedValues from AllowedValues and range keys (true/false for a boolean), or ows:AnyValue.
    /// </summary>
    public static ElementNode Values(ConfigValues? block, string? extraNamespace = null)
    {
        var allowed = block?["AllowedValues"];
        var range = block is null ? null : Range(block);
        if (allowed is null && range is null)
        {
            if (!string.Equals(block?["dataType"], "boolean", StringComparison.OrdinalIgnoreCase))
                return new ElementNode("ows:AnyValue").AttrIfSet("xmlns:ows", extraNamespace);
            allowed = "true,false";
        }
        var element = new ElementNode("ows:AllowedValues").AttrIfSet("xmlns:ows", extraNamespace);
        foreach (var value in MainConfig.SplitList(allowed ?? ""))
            element.TextChild("ows:Value", value);
        if (range is not null)
            element.Add(range);
        return element;
    }

    /// <summary>An output's domain: any value, or true and false for a boolean (allowed values are for inputs).</summary>
    public static ElementNode OutputValues(ConfigValues? block, string? extraNamespace = null)
    {
        var type = block?["dataType"];
        return Values(type is null ? null : new ConfigValues([KeyValuePair.Create("dataType", type)]), extraNamespace);
    }

    private static ElementNode? Range(ConfigValues block)
    {
        if (LiteralRange.Of(block) is not { } range)
            return null;
        var element = new ElementNode("ows:Range").Attr("ows:rangeClosure", range.Closure)
            .TextChild("ows:MinimumValue", range.Min)
            .TextChild("ows:MaximumValue", range.Max);
        return string.IsNullOrEmpty(range.Spacing) ? element : element.TextChild("ows:Spacing", range.Spacing);
    }
}
