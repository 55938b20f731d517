using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// The links of the landing page: for each path of <c>[openapi] links</c> with a <c>[/X]</c> section, that section's
/// keys (rel, type, title…) and <c>href</c> = rootUrl + X; then its <c>[/X.html]</c> alternate when oas.cfg has one
/// (<c>[/index.html]</c> for <c>/</c>: the web server serves those pages). The relations the standard requires
/// (service-desc, conformance, processes) are added when oas.cfg gives none of them.
/// </summary>
public static class LandingLinks
{
    private const string DefaultLinks = "/,/api,/conformance,/processes,/jobs";
    private const string OgcRelations = "http://www.opengis.net/def/rel/ogc/1.0/";

    private sealed record Required(string[] Relations, string Path, string Type, string Title);

    private static readonly Required[] RequiredLinks =
    [
        new(["service-desc", "service-doc"], "/api", "application/vnd.oai.openapi+json;version=3.0", "the API definition"),
        new([OgcRelations + "conformance", "conformance"], "/conformance", "application/json",
            "OGC API - Processes conformance classes implemented by this server"),
        new([OgcRelations + "processes", "processes"], "/processes", "application/json", "The processes offered by this server"),
    ];

    public static JsonArray Build(OasConfig oas)
    {
        var links = new List<JsonNode>();
        foreach (var path in DefinitionSource.List(oas.OpenApi["links"] ?? DefaultLinks))
        {
            if (!oas.Document.HasSection(path))
                continue;
            var section = oas.Document[path];
            links.Add(Link(section, Href(oas.RootUrl, path), null));
            var alternate = path == "/" ? "/index.html" : path + ".html";
            if (oas.Document.HasSection(alternate))
                links.Add(Link(oas.Document[alternate], Href(oas.RootUrl, alternate), section["title"]));
        }
        var relations = links.Select(l => l["rel"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var required in RequiredLinks.Where(r => !r.Relations.Any(relations.Contains)))
        {
            links.Add(new JsonObject
            {
                ["rel"] = required.Relations[0],
                ["type"] = required.Type,
                ["title"] = required.Title,
                ["href"] = Href(oas.RootUrl, required.Path),
            });
        }
        return new JsonArray(links.ToArray());
    }

    /// <summary>rootUrl (never ending with <c>/</c>) followed by the path, so no <c>//</c> appears.</summary>
    public static string Href(string rootUrl, string path) => rootUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    private static JsonObject Link(ConfigValues section, string href, string? inheritedTitle)
    {
        var link = new JsonObject();
        foreach (var (key, value) in section)
        {
            if (!key.Equals("href", StringComparison.OrdinalIgnoreCase))
                link[key] = value;
        }
        if (inheritedTitle is not null && !section.Contains("title"))
            link["title"] = inheritedTitle;
        link["href"] = href;
        return link;
    }
}
