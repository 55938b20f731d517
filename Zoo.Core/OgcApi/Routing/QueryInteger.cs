using System.Globalization;

namespace Zoo.Core.OgcApi.Routing;

/// <summary>An integer query parameter (<c>limit</c>, <c>skip</c>, <c>minDuration</c>...): digits only, within its bounds.</summary>
public static class QueryInteger
{
    /// <exception cref="ApiException">InvalidQueryParameterValue: not such an integer (400).</exception>
    public static int Parse(string text, string name, int min, int max)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        throw ApiException.InvalidQuery(max == int.MaxValue
            ? $"The value '{text}' of the parameter {name} is not an integer of at least {min.ToString(CultureInfo.InvariantCulture)}."
            : $"The value '{text}' of the parameter {name} is not an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}
