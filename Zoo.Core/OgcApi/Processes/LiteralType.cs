using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// A .zcfg literal <c>dataType</c> as JSON Schema sees it (the standard's schema has only array, boolean, integer,
/// number, object and string; the rest goes into <c>format</c>), and a .zcfg value typed accordingly.
/// </summary>
internal sealed record LiteralType(string JsonType, string? Format)
{
    private static readonly LiteralType Text = new("string", null);

    public static LiteralType Of(string? dataType) => dataType?.Trim().ToLowerInvariant() switch
    {
        null or "" or "string" => Text,
        "float" => new("number", "float"),
        "double" => new("number", "double"),
        "decimal" or "number" => new("number", null),
        "integer" or "int" or "long" or "short" => new("integer", null),
        "boolean" or "bool" => new("boolean", null),
        "date" => new("string", "date"),
        "datetime" => new("string", "date-time"),
        "time" => new("string", "time"),
        "anyuri" => new("string", "uri"),
        // ZOO keeps any other date type's name as the format (gYear...).
        var other when other.Contains("date", StringComparison.Ordinal) => new("string", dataType!.Trim()),
        _ => Text,
    };

    /// <summary>A value of this type, or the text itself when it does not read as one (the operator sees the mistake).</summary>
    public JsonNode Value(string text) => JsonType switch
    {
        "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
        "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) =>
            JsonValue.Create(number),
        "boolean" when Boolean(text) is { } flag => JsonValue.Create(flag),
        _ => JsonValue.Create(text),
    };

    /// <summary>A default, which ZOO also lets be JSON (an array for repeated values, an object).</summary>
    public JsonNode DefaultValue(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']') || trimmed.StartsWith('{') && trimmed.EndsWith('}'))
        {
            try
            {
                return JsonNode.Parse(trimmed) ?? Value(text);
            }
            catch (JsonException)
            {
                return Value(text);
            }
        }
        return Value(text);
    }

    private static bool? Boolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
