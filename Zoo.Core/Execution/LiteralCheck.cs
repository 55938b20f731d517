using System.Globalization;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

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
        if (LiteralRange.Of(declaration) is not { } range)
            return true;
        if (Parse(range.Min) is { } low && (range.OpenMin ? value <= low : value < low))
            return false;
        return Parse(range.Max) is not { } high || (range.OpenMax ? value < high : value <= high);
    }

    private static double? Parse(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
