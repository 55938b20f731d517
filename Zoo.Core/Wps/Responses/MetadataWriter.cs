using Zoo.Core.Configuration;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// Writes a &lt;MetaData&gt; block as one ows:Metadata element. ZOO keeps one value per key (the last)
/// and writes its title; href and role are written too, as the schema's xlink attributes.
/// </summary>
public static class MetadataWriter
{
    private static readonly string[] LinkKeys = ["title", "href", "role"];

    public static IEnumerable<Node> Elements(IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        var values = new ConfigValues(metadata);
        if (!LinkKeys.Any(values.Contains))
            yield break;
        var element = new ElementNode("ows:Metadata");
        foreach (var key in LinkKeys)
            element.AttrIfSet("xlink:" + key, values[key]);
        yield return element;
    }
}
