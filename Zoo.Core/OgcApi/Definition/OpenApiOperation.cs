using System.Text.Json.Nodes;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// One Operation Object: item <c>i</c> of an operation section (<c>method_i</c>, <c>title_i</c>, <c>abstract_i</c>,
/// <c>tags_i</c>, <c>secured_i</c>, <c>parameters_i</c>, the responses, and for a post or put its body and callbacks).
/// </summary>
public static class OpenApiOperation
{
    /// <returns>the operation's method (lower case, as OpenAPI names them) and the operation.</returns>
    public static KeyValuePair<string, JsonObject> Build(DefinitionSource source, string path, string sectionName, ConfigValues section,
        int index)
    {
        var method = (ConfigArray.NonEmpty(section, "method", index) ?? "get").ToLowerInvariant();
        var processName = ConfigArray.NonEmpty(section, "pname", 0) ?? ConfigArray.NonEmpty(section, "operationId", index);
        var operation = new JsonObject();
        if (ConfigArray.NonEmpty(section, "title", index) is { } title)
            operation["summary"] = title;
        if (ConfigArray.NonEmpty(section, "secured", index) is { } scheme)
            operation["security"] = OpenApiSecurity.Requirement(scheme, ConfigArray.Item(section, "scopes", index));
        if (source.Description(section, index) is { } description)
            operation["description"] = description;
        var tag = ConfigArray.NonEmpty(section, "tags", index);
        if (tag is not null)
            operation["tags"] = new JsonArray(tag);
        operation["operationId"] = tag is not null && processName is not null ? tag + processName : $"{method}_{Identifier(sectionName)}";
        operation["responses"] = OpenApiResponses.Operation(source, section, index, path, method);
        var parameters = DefinitionSource.List(ConfigArray.Item(section, "parameters", index));
        if (parameters.Count > 0)
            operation["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["$ref"] = Reference(p) }).ToArray());
        if (method is "post" or "put")
        {
            if (OpenApiRequestBody.Build(source, section, index, processName) is { } body)
                operation["requestBody"] = body;
            if (ConfigArray.NonEmpty(section, "callbacksReference", index) is { } callbacksSection
                && OpenApiCallbacks.Build(source, callbacksSection, processName) is { } callbacks)
                operation["callbacks"] = callbacks;
        }
        return new(method, operation);
    }

    /// <summary>ZOO writes <c>/components/parameters/limitParam</c>; a bare name means the same.</summary>
    private static string Reference(string parameter) => parameter switch
    {
        ['#', ..] => parameter,
        ['/', ..] => "#" + parameter,
        _ => "#/components/parameters/" + parameter,
    };

    /// <summary>The section name as an identifier: <c>jobs/{jobID}</c> → <c>jobs__jobID_</c>.</summary>
    private static string Identifier(string sectionName) =>
        sectionName.Replace('/', '_').Replace('{', '_').Replace('}', '_');
}
