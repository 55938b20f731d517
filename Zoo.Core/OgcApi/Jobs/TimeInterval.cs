using System.Globalization;
using System.Text.RegularExpressions;

namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// The <c>datetime</c> parameter: an RFC 3339 instant, or an interval <c>start/end</c> whose open end is <c>..</c> (or
/// empty, as OGC API - Common allows). Both ends are included; an instant is an interval of one second, the
/// precision of the times the documents show.
/// </summary>
public sealed partial record TimeInterval(DateTime? Start, DateTime? End)
{
    public bool Contains(DateTime utc) => (Start is null || utc >= Start) && (End is null || utc <= End);

    /// <exception cref="ApiException">InvalidQueryParameterValue: not an instant or an interval, or one that ends before it starts.</exception>
    public static TimeInterval Parse(string value)
    {
        var parts = value.Split('/');
        if (parts.Length == 1)
        {
            var instant = Instant(parts[0], value);
            var second = instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
            return new TimeInterval(second, second.AddSeconds(1).AddTicks(-1));
        }
        if (parts.Length != 2 || IsOpen(parts[0]) && IsOpen(parts[1]))
            throw Invalid(value);
        var interval = new TimeInterval(IsOpen(parts[0]) ? null : Instant(parts[0], value), IsOpen(parts[1]) ? null : Instant(parts[1], value));
        if (interval.Start > interval.End)
            throw Invalid(value);
        return interval;
    }

    private static bool IsOpen(string end) => end is "" or "..";

    private static DateTime Instant(string text, string value)
    {
        // A '+' that the client did not encode arrives as a space.
        var candidate = text.Replace(' ', '+');
        if (!Rfc3339().IsMatch(candidate)
            || !DateTimeOffset.TryParse(candidate.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            throw Invalid(value);
        return parsed.UtcDateTime;
    }

    private static ApiException Invalid(string value) =>
        ApiException.InvalidQuery(
            $"The value '{value}' of the parameter datetime is not an RFC 3339 date-time or an interval start/end (an open end being '..').");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
