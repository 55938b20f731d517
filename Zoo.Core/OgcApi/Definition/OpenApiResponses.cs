using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>The Response Objects of the definition: <c>components.responses</c> and each operation's <c>responses</c>.</summary>
public static class OpenApiResponses
{
    public const string DefaultMediaType = "application/json";

    /// <summary>
    /// One response. With <paramref name="useContent"/> off and a schema, the reference to that (published) Response
    /// Object; otherwise a description and a content map whose schema is the reference (none for a 204).
    /// </summary>
    public static JsonObject Response(bool useContent, string? schema, string? mediaType, string code, string description)
    {
        if (!useContent && schema is not null)
            return new JsonObject { ["$ref"] = schema };
        var response = new JsonObject();
        if (code != "204")
        {
            var media = schema is null ? new JsonObject() : new JsonObject { ["schema"] = new JsonObject { ["$ref"] = schema } };
            response["content"] = new JsonObject { [mediaType ?? DefaultMediaType] = media };
        }
        response["description"] = description;
        return response;
    }

    /// <summary><c>[responses]</c> (<c>code_N</c>, <c>schema_N</c>, <c>type_N</c>, <c>title_N</c>): the error responses operations name.</summary>
    public static JsonObject Components(DefinitionSource source)
    {
        var section = source.Section("responses");
        var responses = new JsonObject();
        for (var i = 0; i < ConfigArray.Count(section, "code"); i++)
        {
            if (ConfigArray.NonEmpty(section, "code", i) is not { } code || ConfigArray.NonEmpty(section, "schema", i) is not { } schema)
                continue;
            responses[code] = Response(source.UseContent, schema, ConfigArray.NonEmpty(section, "type", i), code,
                ConfigArray.NonEmpty(section, "title", i) ?? Reason(code));
        }
        return responses;
    }

    /// <summary>
    /// Item <paramref name="index"/> of an operation section's responses: its success (<c>schema</c>, <c>code</c>, and
    /// for a post <c>eschema</c> as 201), then its errors (<c>ecode</c>), else a 404 for a path with a parameter.
    /// </summary>
    public static JsonObject Operation(DefinitionSource source, ConfigValues section, int index, string path, string method)
    {
        var responses = new JsonObject();
        var code = ConfigArray.NonEmpty(section, "code", index);
        var isPost = method.Equals("post", StringComparison.OrdinalIgnoreCase);
        if (ConfigArray.NonEmpty(section, "schema", index) is { } schema)
        {
            var mediaType = ConfigArray.NonEmpty(section, "type", index);
            responses[code ?? "200"] = Response(source.UseContent, schema, mediaType, code ?? "200", "successful operation");
            if (code is null && isPost && ConfigArray.NonEmpty(section, "eschema", index) is { } created)
                responses["201"] = Response(source.UseContent, created, mediaType, "201", "successful operation");
        }
        else
        {
            // No published schema (e.g. /api itself): the media type of the path's link section.
            var mediaType = source.Section(path)["type"] is { Length: > 0 } type ? type : null;
            responses[code ?? "200"] = Response(true, null, mediaType, code ?? "200", "successful operation");
            if (code is null && isPost)
                responses["201"] = Response(true, null, mediaType, "201", "successful operation");
        }
        var errors = DefinitionSource.List(ConfigArray.Item(section, "ecode", index));
        if (errors.Count > 0)
        {
            var declared = source.Section("responses");
            foreach (var error in errors)
                responses[error] = IsDeclared(declared, error)
                    ? new JsonObject { ["$ref"] = $"#/components/responses/{error}" }
                    : new JsonObject { ["description"] = Reason(error) };
        }
        else if (path.Contains('{') && source.Section("exception")["schema"] is { Length: > 0 } notFound)
        {
            responses["404"] = Response(source.UseContent, notFound, source.Section("exception")["type"], "404",
                "The resource this path names does not exist.");
        }
        return responses;
    }

    private static bool IsDeclared(ConfigValues responses, string code)
    {
        for (var i = 0; i < ConfigArray.Count(responses, "code"); i++)
        {
            if (ConfigArray.Item(responses, "code", i) == code && ConfigArray.NonEmpty(responses, "schema", i) is not null)
                return true;
        }
        return false;
    }

    private static string Reason(string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? JsonResponse.StatusLine(status) : code;
}
