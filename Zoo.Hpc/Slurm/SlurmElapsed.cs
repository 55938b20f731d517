using System.Globalization;

namespace Zoo.Hpc.Slurm;

/// <summary>sacct's Elapsed (<c>[days-]hours:minutes:seconds</c>, or <c>minutes:seconds</c> for short jobs) in seconds.</summary>
public static class SlurmElapsed
{
    /// <summary>The seconds, from ElapsedRaw when the row has it, else from Elapsed; null when neither reads.</summary>
    public static long? Seconds(SacctRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (long.TryParse(record["ElapsedRaw"], NumberStyles.None, CultureInfo.InvariantCulture, out var raw))
            return raw;
        return Parse(record["Elapsed"]);
    }

    public static long? Parse(string? elapsed)
    {
        if (string.IsNullOrWhiteSpace(elapsed))
            return null;
        var text = elapsed.Trim();
        long days = 0;
        if (text.IndexOf('-') is var dash and > 0)
        {
            if (!long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
                return null;
            text = text[(dash + 1)..];
        }
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
            return null;
        long seconds = 0;
        foreach (var part in parts)
        {
            // sacct shows fractions of a second for jobs shorter than a minute in some versions: whole seconds count.
            var whole = part.Split('.')[0];
            if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return null;
            seconds = seconds * 60 + value;
        }
        return days * 86400 + seconds;
    }
}
