using System.Globalization;
using Zoo.Core.Configuration;

namespace Zoo.Core.Execution;

/// <summary>
/// Checks a literal value against what the .zcfg declares for it: its data type, its allowed values
/// and ranges. ZOO hands values to services unchecked; a client's typo is better told at once.
/// </summary>
public static class LiteralCheck
{
    /// <returns>null when the value fits, else the error.</returns>
    public static Wps.OwsError? Check(string name, string value, ConfigValues? declaration)
    {
        if (declaration is null)
            return null;
        var dataType = declaration["dataType"]?.ToLowerInvariant();
        double? number = null;
        bool? isNumber = null;
        if (dataType is "integer" or "int" or "long" or "short" or "nonnegativeinteger" or "positiveinteger")
        {
            isNumber = long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole);
            number = whole;
        }
        else if (dataType is "double" or "float" or "decimal" or "number")
        {
            isNumber = double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real);
            number = real;
        }
        if (isNumber == false)
            return ExecuteErrors.WrongLiteral(name, value, dataType!);
        if (dataType == "boolean" && value.Trim().ToLowerInvariant() is not ("true" or "false" or "1" or "0"))
            return ExecuteErrors.WrongLiteral(name, value, dataType);

        var allowed = declaration["AllowedValues"] is { } list ? MainConfig.SplitList(list) : null;
        var inList = allowed?.Contains(value.Trim()) == true;
        var inRange = isNumber == true && InRange(number!.Value, declaration);
        var hasRange = declaration.Contains("range") || declaration.Contains("rangeMin") || declaration.Contains("rangeMax");
        if ((allowed is not null || hasRange) && !inList && !(hasRange && inRange))
            return ExecuteErrors.NotAllowed(name, value);
        return null;
    }

    private static bool InRange(double value, ConfigValues declaration)
    {
        string? min, max;
        bool openMin, openMax;
        if (declaration["range"] is { Length: >= 2 } range)
        {
            var parts = range[1..^1].Split(',', StringSplitOptions.TrimEntries);
            (min, max) = (parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1));
            (openMin, openMax) = (range[0] == ']', range[^1] == '[');
        }
        else
        {
            (min, max) = (declaration["rangeMin"], declaration["rangeMax"]);
            var closure = declaration.Get("rangeClosure", "c").ToLowerInvariant();
            (openMin, openMax) = (closure is "o" or "oc" or "open" or "open-closed", closure is "o" or "co" or "open" or "closed-open");
        }
        if (Parse(min) is { } low && (openMin ? value <= low : value < low))
            return false;
        return Parse(max) is not { } high || (openMax ? value < high : value <= high);
    }

    private static double? Parse(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
