using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// The JSON schema of complex data: one <c>oneOf</c> alternative per format (the default first, then each supported one,
/// without repeats). A JSON media type is an object (a reference when its format names a schema); any other is a string
/// with its <c>contentMediaType</c>, its <c>contentSchema</c>, and a <c>contentEncoding</c> only when it is base64 or
/// binary (ZOO's zcfg encoding is otherwise a charset, which is not what JSON Schema means by it).
/// </summary>
internal static class ComplexSchema
{
    public static JsonObject Of(DataDescription data)
    {
        var alternatives = new List<JsonObject>();
        foreach (var format in Formats(data))
        {
            var alternative = Alternative(format);
            if (!alternatives.Any(a => JsonNode.DeepEquals(a, alternative)))
                alternatives.Add(alternative);
        }
        if (alternatives.Count == 0)
            alternatives.Add(new JsonObject { ["type"] = "string" });
        return new JsonObject { ["oneOf"] = new JsonArray([.. alternatives]) };
    }

    private static IEnumerable<ConfigValues> Formats(DataDescription data) =>
        data.Default is null ? data.Supported : data.Supported.Prepend(data.Default);

    private static JsonObject Alternative(ConfigValues format)
    {
        var mimeType = format["mimeType"];
        var schema = format["schema"] is { Length: > 0 } url ? url : null;
        if (mimeType is not null && mimeType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var json = schema is null ? new JsonObject { ["type"] = "object" } : new JsonObject { ["$ref"] = schema };
            if (format["dataFormat"] is { Length: > 0 } dataFormat)
                json["format"] = dataFormat;
            return json;
        }
        var text = new JsonObject { ["type"] = "string" };
        if (format["encoding"]?.Trim().ToLowerInvariant() is { } encoding && encoding is "base64" or "binary")
            text["contentEncoding"] = encoding;
        if (mimeType is { Length: > 0 })
            text["contentMediaType"] = mimeType;
        if (schema is not null)
            text["contentSchema"] = schema;
        return text;
    }
}
