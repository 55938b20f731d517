using System.Text.Json.Nodes;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// <c>components.securitySchemes</c>: one scheme per name of <c>[osecurity] name</c>, described by the
/// <c>[osecurity…]</c> section whose <c>name</c> it is (ZOO reads <c>[osecurity]</c> for every name), with
/// <c>type</c>, <c>openIdConnectUrl</c>, <c>scheme</c>, <c>format</c> (bearerFormat), <c>in</c> and <c>oname</c> (name).
/// </summary>
public static class OpenApiSecurity
{
    private const string SectionName = "osecurity";

    public static JsonObject? Schemes(DefinitionSource source)
    {
        var names = DefinitionSource.List(source.Section(SectionName)["name"]);
        if (names.Count == 0)
            return null;
        var schemes = new JsonObject();
        foreach (var name in names)
        {
            var section = source.Oas.Document.Sections
                .Where(s => s.Name.StartsWith(SectionName, StringComparison.OrdinalIgnoreCase) && s.Values["name"] == name)
                .Select(s => s.Values)
                .FirstOrDefault() ?? source.Section(SectionName);
            var scheme = new JsonObject();
            if (section["type"] is { Length: > 0 } type)
            {
                scheme["type"] = type;
                if (type.Equals("openIdConnect", StringComparison.OrdinalIgnoreCase) && section["openIdConnectUrl"] is { } url)
                    scheme["openIdConnectUrl"] = url;
            }
            Copy(section, "scheme", scheme, "scheme");
            Copy(section, "format", scheme, "bearerFormat");
            Copy(section, "in", scheme, "in");
            Copy(section, "oname", scheme, "name");
            schemes[name] = scheme;
        }
        return schemes;
    }

    /// <summary>The <c>security</c> requirement of an operation: the scheme <c>secured_i</c> names, with the scopes of <c>scopes_i</c>.</summary>
    public static JsonArray Requirement(string scheme, string? scopes) =>
        new(new JsonObject { [scheme] = new JsonArray(DefinitionSource.List(scopes).Select(s => (JsonNode)s).ToArray()) });

    private static void Copy(ConfigValues section, string key, JsonObject target, string name)
    {
        if (section[key] is { Length: > 0 } value)
            target[name] = value;
    }
}
