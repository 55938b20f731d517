using System.Globalization;

namespace Zoo.Core.Jobs;

/// <summary>What <c>/proc/&lt;pid&gt;/stat</c> says of a process: its state, process group, session and start time.</summary>
internal sealed record ProcessStat(char State, int Group, int Session, long StartTime)
{
    public bool IsZombie => State is 'Z' or 'X';

    /// <returns>null when there is no such process (or its stat cannot be read).</returns>
    public static ProcessStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(text);
    }

    /// <summary>
    /// The command name (field 2) is in parentheses and may hold spaces and parentheses itself, so the fields
    /// are counted from the last ')': state is field 3, pgrp 5, session 6, starttime 22.
    /// </summary>
    public static ProcessStat? Parse(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
            return null;
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int first = 3;
        if (fields.Length < 22 - first + 1 || fields[0].Length != 1)
            return null;
        return int.TryParse(fields[5 - first], NumberStyles.None, CultureInfo.InvariantCulture, out var group)
               && int.TryParse(fields[6 - first], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
               && long.TryParse(fields[22 - first], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcessStat(fields[0][0], group, session, start)
            : null;
    }
}
