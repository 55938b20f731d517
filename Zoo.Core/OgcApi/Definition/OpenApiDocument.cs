using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// The OpenAPI 3.0 definition served at <c>/api</c>, assembled from oas.cfg as ZOO does: <c>components</c>,
/// <c>info</c>, <c>openapi</c>, <c>tags</c>, <c>paths</c> (each path of <c>[openapi] paths</c> with a section),
/// <c>servers</c>, in that order.
/// </summary>
public static class OpenApiDocument
{
    private const string DefaultVersion = "3.0.2";

    /// <summary>How <c>[openapi] paths</c> writes <c>/</c> (whose operation section is <c>[root]</c>).</summary>
    private const string RootPath = "/root";

    public static JsonObject Build(DefinitionSource source)
    {
        var document = new JsonObject
        {
            ["components"] = Components(source),
            ["info"] = OpenApiInfo.Build(source),
            ["openapi"] = source.Oas.OpenApi["version"] is { Length: > 0 } version ? version : DefaultVersion,
        };
        if (Tags(source) is { } tags)
            document["tags"] = tags;
        document["paths"] = Paths(source);
        document["servers"] = new JsonArray(OpenApiInfo.Server(source));
        return document;
    }

    private static JsonObject Components(DefinitionSource source)
    {
        var components = new JsonObject
        {
            ["parameters"] = OpenApiParameters.Components(source),
            ["responses"] = OpenApiResponses.Components(source),
        };
        var schemas = source.Section("schemas");
        if (schemas.Count > 0)
        {
            var named = new JsonObject();
            for (var i = 0; i < ConfigArray.Count(schemas, "name"); i++)
            {
                if (ConfigArray.NonEmpty(schemas, "name", i) is { } name && ConfigArray.NonEmpty(schemas, "value", i) is { } value)
                    named[name] = new JsonObject { ["$ref"] = value };
            }
            components["schemas"] = named;
        }
        if (OpenApiSecurity.Schemes(source) is { } schemes)
            components["securitySchemes"] = schemes;
        return components;
    }

    /// <summary><c>[openapi] tags</c> in order, each described by <c>[tags] value_N</c> (else by its name).</summary>
    private static JsonArray? Tags(DefinitionSource source)
    {
        var names = DefinitionSource.List(source.Oas.OpenApi["tags"]);
        if (names.Count == 0)
            return null;
        var descriptions = source.Section("tags");
        return new JsonArray(names.Select((name, i) => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["description"] = ConfigArray.NonEmpty(descriptions, "value", i) ?? name,
        }).ToArray());
    }

    private static JsonObject Paths(DefinitionSource source)
    {
        var paths = new JsonObject();
        foreach (var path in DefinitionSource.List(source.Oas.OpenApi["paths"]))
        {
            var sectionName = path == RootPath ? "root" : path.TrimStart('/');
            if (!source.HasSection(sectionName))
                continue;
            var section = source.Section(sectionName);
            var item = new JsonObject();
            for (var i = 0; i < ConfigArray.Length(section); i++)
            {
                var (method, operation) = OpenApiOperation.Build(source, path, sectionName, section, i);
                item[method] = operation;
            }
            paths[path == RootPath ? "/" : path] = item;
        }
        return paths;
    }
}
