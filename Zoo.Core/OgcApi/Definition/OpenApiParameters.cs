using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// <c>components.parameters</c>: one Parameter Object per name of <c>[openapi] parameters</c> (section <c>[{name}]</c>,
/// in the path by default) and of <c>[openapi] header_parameters</c> (section <c>[name]</c>, a header by default).
/// </summary>
public static class OpenApiParameters
{
    private const string SchemaPrefix = "schema_";

    public static JsonObject Components(DefinitionSource source)
    {
        var parameters = new JsonObject();
        foreach (var name in DefinitionSource.List(source.Oas.OpenApi["parameters"]))
            parameters[name] = Parameter(source.Section($"{{{name}}}"), name, "path");
        foreach (var name in DefinitionSource.List(source.Oas.OpenApi["header_parameters"]))
            parameters[name] = Parameter(source.Section(name), name, "header");
        return parameters;
    }

    /// <summary>
    /// A section with <c>schema</c> is a reference to that (published) parameter; otherwise its keys give the
    /// parameter: <c>title</c>, <c>abstract</c>, <c>example</c>, <c>required</c>, <c>in</c>, <c>name</c>, and its schema
    /// from <c>type</c>, <c>enum</c> and every <c>schema_&lt;keyword&gt;</c>.
    /// </summary>
    public static JsonObject Parameter(ConfigValues section, string name, string defaultIn)
    {
        if (Value(section, "schema") is { } reference)
            return new JsonObject { ["$ref"] = reference };
        var parameter = new JsonObject();
        if (Value(section, "title") is { } title)
            parameter["x-internal-summary"] = title;
        if (Value(section, "abstract") is { } description)
            parameter["description"] = description;
        if (section["example"] is { } example)
            parameter["example"] = example;
        var location = Value(section, "in") ?? defaultIn;
        // OpenAPI requires a path parameter to be required, whatever the section says.
        parameter["required"] = location == "path" || section["required"] == "true";
        parameter["in"] = location;
        parameter["name"] = Value(section, "name") ?? name;
        parameter["schema"] = Schema(section);
        return parameter;
    }

    private static JsonObject Schema(ConfigValues section)
    {
        var type = Value(section, "type") ?? "string";
        var schema = new JsonObject { ["type"] = type };
        if (section["enum"] is { } values)
            schema["enum"] = new JsonArray(DefinitionSource.List(values).Select(v => (JsonNode)v).ToArray());
        foreach (var (key, value) in section)
        {
            if (key.Length > SchemaPrefix.Length && key.StartsWith(SchemaPrefix, StringComparison.OrdinalIgnoreCase))
                schema[key[SchemaPrefix.Length..]] = Typed(value, type);
        }
        return schema;
    }

    private static string? Value(ConfigValues section, string key) => ConfigArray.NonEmpty(section, key, 0);

    /// <summary>A keyword's value in the parameter's type (<c>schema_minimum=1</c> of an integer is the number 1).</summary>
    private static JsonNode Typed(string value, string type)
    {
        if (type == "integer" && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            return integer;
        if (type == "number" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        if (type == "boolean" && bool.TryParse(value, out var flag))
            return flag;
        return value;
    }
}
