using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// The request body of a post or put: item <c>i</c> of an operation section names <c>requestBody_length_i</c> body
/// sections (<c>requestBody_i</c>, <c>requestBody_i_1</c>..., default <c>[requestBody]</c>), one media type each
/// (<c>type</c>, <c>schema</c>: a reference, or <c>string</c>), with the examples <c>examples_i_j</c> (files under
/// <c>[openapi] examplesPath</c>) or <c>examples_ref_i_j</c> (URLs).
/// </summary>
public static class OpenApiRequestBody
{
    private const string DefaultSection = "requestBody";

    public static JsonObject? Build(DefinitionSource source, ConfigValues operation, int index, string? processName)
    {
        var bodies = ConfigArray.Length(operation, ConfigArray.KeyOf("requestBody_length", index));
        var bodyKey = ConfigArray.KeyOf("requestBody", index);
        var content = new JsonObject();
        string? description = null;
        var exampleNumber = 0;
        for (var j = 0; j < bodies; j++)
        {
            var sectionName = ConfigArray.NonEmpty(operation, bodyKey, j) ?? DefaultSection;
            var body = source.Section(sectionName);
            if (ConfigArray.NonEmpty(body, "schema", 0) is not { } schema)
                continue;
            var media = new JsonObject
            {
                ["schema"] = schema.Equals("string", StringComparison.OrdinalIgnoreCase)
                    ? new JsonObject { ["type"] = "string" }
                    : new JsonObject { ["$ref"] = schema },
            };
            var examples = Examples(source, operation, index, j, processName, ref exampleNumber);
            if (examples.Count > 0)
                media["examples"] = examples;
            content[ConfigArray.NonEmpty(body, "type", 0) ?? OpenApiResponses.DefaultMediaType] = media;
            description ??= source.Description(body, 0);
        }
        if (content.Count == 0)
            return null;
        var requestBody = new JsonObject { ["content"] = content };
        if (description is not null)
            requestBody["description"] = description;
        requestBody["required"] = true;
        return requestBody;
    }

    /// <summary>The examples of body <paramref name="body"/>, numbered on from <paramref name="number"/> across the bodies.</summary>
    private static JsonObject Examples(DefinitionSource source, ConfigValues operation, int index, int body, string? processName,
        ref int number)
    {
        var examples = new JsonObject();
        var files = ConfigArray.Item(operation, ConfigArray.KeyOf("examples", index), body);
        var isReference = files is null;
        var names = DefinitionSource.List(files ?? ConfigArray.Item(operation, ConfigArray.KeyOf("examples_ref", index), body));
        var summaryKey = ConfigArray.KeyOf("examples_summary", index);
        foreach (var name in names)
        {
            var example = new JsonObject();
            var label = string.Create(CultureInfo.InvariantCulture, $"Example {number}");
            example["summary"] = ConfigArray.NonEmpty(operation, summaryKey, number) is { } summary ? $"{label}: {summary}" : label;
            if (isReference)
                example["externalValue"] = name;
            else if (ExampleValue(source, processName, name) is { } value)
                example["value"] = value;
            else
                continue;
            examples[number.ToString(CultureInfo.InvariantCulture)] = example;
            number++;
        }
        return examples;
    }

    /// <summary>
    /// The example file <c>&lt;examplesPath&gt;/&lt;process&gt;/&lt;name&gt;</c> (or without the process): a CWL file as
    /// its text, any other as JSON. A file that cannot be read leaves the example out.
    /// </summary>
    private static JsonNode? ExampleValue(DefinitionSource source, string? processName, string name)
    {
        if (source.Oas.OpenApi["examplesPath"] is not { Length: > 0 } directory || name.Contains("..", StringComparison.Ordinal))
            return null;
        var path = Path.Combine(source.Directory, directory, processName ?? "", name);
        try
        {
            var text = File.ReadAllText(path);
            return name.Contains("cwl", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(text) : JsonNode.Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
