namespace Zoo.Core.Configuration.Zcfg;

/// <summary>
/// The range of a literal as a .zcfg declares it in its default block: <c>range = [min,max]</c> or
/// <c>[min,max,spacing]</c>, where a bracket turned outwards (<c>]0,1]</c>) makes that end open, or <c>rangeMin</c> /
/// <c>rangeMax</c> / <c>rangeSpacing</c> / <c>rangeClosure</c> (<c>c</c>, <c>o</c>, <c>oc</c>, <c>co</c>, or their long
/// names). An end left empty is unbounded.
/// </summary>
public sealed record LiteralRange(string Min, string Max, string? Spacing, bool OpenMin, bool OpenMax)
{
    /// <summary>The range of the block, or null when it declares none.</summary>
    public static LiteralRange? Of(ConfigValues block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var spacing = block["rangeSpacing"];
        if (block["range"] is { Length: >= 2 } range)
        {
            var parts = range[1..^1].Split(',', StringSplitOptions.TrimEntries);
            return new LiteralRange(parts[0], parts.Length > 1 ? parts[1] : "", spacing ?? (parts.Length > 2 ? parts[2] : null),
                range[0] == ']', range[^1] == '[');
        }
        if (!block.Contains("rangeMin") && !block.Contains("rangeMax"))
            return null;
        var (openMin, openMax) = block.Get("rangeClosure", "c").Trim().ToLowerInvariant() switch
        {
            "o" or "oo" or "open" => (true, true),
            "oc" or "open-closed" => (true, false),
            "co" or "closed-open" => (false, true),
            _ => (false, false),
        };
        return new LiteralRange(block.Get("rangeMin", ""), block.Get("rangeMax", ""), spacing, openMin, openMax);
    }

    /// <summary>The closure as OWS names it (<c>ows:rangeClosure</c>).</summary>
    public string Closure => (OpenMin, OpenMax) switch
    {
        (true, true) => "open",
        (true, false) => "open-closed",
        (false, true) => "closed-open",
        _ => "closed",
    };
}
