using Zoo.Core.Configuration;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// Writes an &lt;AdditionalParameters&gt; block (WPS 2.0.0 only): title, href and role become xlink
/// attributes, every other key an ows:AdditionalParameter with one ows:Value per comma-separated item.
/// </summary>
public static class AdditionalParametersWriter
{
    private static readonly string[] LinkKeys = ["title", "href", "role"];

    public static IEnumerable<Node> Elements(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var values = new ConfigValues(parameters);
        var named = values.Where(p => !LinkKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        // The schema wants at least one parameter.
        if (named.Count == 0)
            yield break;
        var element = new ElementNode("ows:AdditionalParameters");
        foreach (var key in LinkKeys)
            element.AttrIfSet("xlink:" + key, values[key]);
        foreach (var (name, value) in named)
        {
            var parameter = element.Child("ows:AdditionalParameter").TextChild("ows:Name", name);
            foreach (var item in MainConfig.SplitList(value).DefaultIfEmpty(value))
                parameter.TextChild("ows:Value", item);
        }
        yield return element;
    }
}
