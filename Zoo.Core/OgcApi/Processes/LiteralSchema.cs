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
        if (LiteralRange.Of(block) is not { } range)
            return;
        if (Number(range.Min) is { } minimum)
        {
            schema["minimum"] = minimum;
            if (range.OpenMin)
                schema["exclusiveMinimum"] = true;
        }
        if (Number(range.Max) is { } maximum)
        {
            schema["maximum"] = maximum;
            if (range.OpenMax)
                schema["exclusiveMaximum"] = true;
        }
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
