using Zoo.Core.Configuration;
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

    /// <summary>
    /// A range is written either as <c>range = [min,max]</c> (a bracket turned outwards, as in
    /// <c>]0,1]</c>, makes that end open) or as rangeMin / rangeMax / rangeSpacing / rangeClosure.
    /// </summary>
    private static ElementNode? Range(ConfigValues block)
    {
        string min, max, closure;
        var spacing = block["rangeSpacing"];
        if (block["range"] is { Length: >= 2 } range)
        {
            var parts = range[1..^1].Split(',', StringSplitOptions.TrimEntries);
            min = parts[0];
            max = parts.Length > 1 ? parts[1] : "";
            spacing ??= parts.Length > 2 ? parts[2] : null;
            closure = (range[0] == ']' ? "o" : "c") + (range[^1] == '[' ? "o" : "c");
        }
        else if (block.Contains("rangeMin") || block.Contains("rangeMax"))
        {
            min = block.Get("rangeMin", "");
            max = block.Get("rangeMax", "");
            closure = block.Get("rangeClosure", "c");
        }
        else
        {
            return null;
        }
        var element = new ElementNode("ows:Range").Attr("ows:rangeClosure", Closure(closure))
            .TextChild("ows:MinimumValue", min)
            .TextChild("ows:MaximumValue", max);
        return string.IsNullOrEmpty(spacing) ? element : element.TextChild("ows:Spacing", spacing);
    }

    private static string Closure(string code) => code.ToLowerInvariant() switch
    {
        "o" or "oo" or "open" => "open",
        "oc" or "open-closed" => "open-closed",
        "co" or "closed-open" => "closed-open",
        _ => "closed",
    };
}
