using System.Globalization;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// The conformance classes of <c>/conformance</c>, from <c>[conformsTo]</c>: <c>rootUrl</c> + <c>link_N</c> for each
/// N below <c>length</c>; an entry with <c>extention_N</c> set takes <c>extentionUrl_M</c> (M = <c>extid_N</c>) as its
/// prefix instead (ZOO's spelling). Without the section, the classes this kernel implements.
/// </summary>
public static class ConformanceClasses
{
    public const string Part1 = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/";

    /// <summary>Part 1's classes this kernel implements (no html: it renders no HTML).</summary>
    public static readonly IReadOnlyList<string> Implemented =
        ["core", "ogc-process-description", "json", "oas30", "job-list", "dismiss", "callback"];

    public static IReadOnlyList<string> From(IniDocument oas)
    {
        if (!oas.HasSection("conformsTo"))
            return Implemented.Select(c => Part1 + c).ToArray();
        var section = oas["conformsTo"];
        var root = section["rootUrl"] ?? Part1;
        var classes = new List<string>();
        for (var i = 0; i < ConfigArray.Count(section, "link"); i++)
        {
            if (ConfigArray.NonEmpty(section, "link", i) is not { } link)
                continue;
            if (ConfigArray.Item(section, "extention", i) is null)
                classes.Add(root + link);
            else if (int.TryParse(ConfigArray.Item(section, "extid", i), NumberStyles.None, CultureInfo.InvariantCulture, out var extension)
                     && ConfigArray.NonEmpty(section, "extentionUrl", extension) is { } prefix)
                classes.Add(prefix + link);
        }
        return classes;
    }
}
