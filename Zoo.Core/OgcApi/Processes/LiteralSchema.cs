using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// The JSON schema of literal data, from its default block as ZOO reads it: the type, the default value, the range
/// (<c>rangeMin</c>/<c>rangeMax</c>/<c>rangeClosure</c>, or <c>range = [min,max]</c> with a bracket turned outwards for an
/// open end) as OpenAPI 3.0's minimum/maximum with boolean exclusive flags, and <c>AllowedValues</c> as a typed enum.
/// </summary>
internal static class LiteralSchema
{
    public static JsonObject Of(DataDescription data, bool isInput)
    {
        var block = data.Default ?? ConfigValues.Empty;
        var type = LiteralType.Of(block["dataType"]);
        var schema = new JsonObject { ["type"] = type.JsonType };
        if (type.Format is { } format)
            schema["format"] = format;
        // An output's value is what the service makes: its domain is the type alone, as in DescribeProcess.
        if (!isInput)
            return schema;
        if (block["value"] is { } value)
            schema["default"] = type.DefaultValue(value);
        AddRange(block, schema);
        if (block["AllowedValues"] is { } allowed && MainConfig.SplitList(allowed) is { Count: > 0 } values)
            schema["enum"] = new JsonArray(values.Select(type.Value).ToArray());
        return schema;
    }

    private static void AddRange(ConfigValues block, JsonObject schema)
    {
        string min, max, closure;
        if (block["range"] is { Length: >= 2 } range)
        {
            var parts = range[1..^1].Split(',', StringSplitOptions.TrimEntries);
            min = parts[0];
            max = parts.Length > 1 ? parts[1] : "";
            closure = (range[0] == ']' ? "o" : "c") + (range[^1] == '[' ? "o" : "c");
        }
        else if (block.Contains("rangeMin") || block.Contains("rangeMax"))
        {
            min = block.Get("rangeMin", "");
            max = block.Get("rangeMax", "");
            closure = block.Get("rangeClosure", "c");
        }
        else
            return;
        var (openMin, openMax) = closure.Trim().ToLowerInvariant() switch
        {
            "o" or "oo" or "open" => (true, true),
            "oc" or "open-closed" => (true, false),
            "co" or "closed-open" => (false, true),
            _ => (false, false),
        };
        if (Number(min) is { } minimum)
        {
            schema["minimum"] = minimum;
            if (openMin)
                schema["exclusiveMinimum"] = true;
        }
        if (Number(max) is { } maximum)
        {
            schema["maximum"] = maximum;
            if (openMax)
                schema["exclusiveMaximum"] = true;
        }
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
