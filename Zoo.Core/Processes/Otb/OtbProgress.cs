namespace Zoo.Core.Processes.Otb;

/// <summary>
/// Reads the percentage out of the progress lines OTB prints while it writes an output,
/// <c>Writing /tmp/out.tif...: 45% [======      ]</c>: the number before <c>% [</c>, where the bar starts.
/// </summary>
public static class OtbProgress
{
    private const string BarStart = "% [";

    /// <summary>The percentage a line reports, or null for every other line (OTB's log, its messages).</summary>
    public static int? Percent(ReadOnlySpan<char> line)
    {
        var bar = line.IndexOf(BarStart, StringComparison.Ordinal);
        if (bar <= 0)
            return null;
        var start = bar;
        while (start > 0 && char.IsAsciiDigit(line[start - 1]) && bar - start < 3)
            start--;
        if (start == bar || (start > 0 && char.IsAsciiDigit(line[start - 1])))
            return null;
        var percent = int.Parse(line[start..bar], provider: System.Globalization.CultureInfo.InvariantCulture);
        return percent <= 100 ? percent : null;
    }
}
