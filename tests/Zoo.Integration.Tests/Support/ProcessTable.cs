using System.Globalization;

namespace Zoo.Integration.Tests.Support;

/// <summary>Reads /proc: which processes run, what they run, and who their children are.</summary>
public static class ProcessTable
{
    /// <summary>Alive: /proc has it and it is not a zombie (a zombie runs nothing, it waits to be reaped).</summary>
    public static bool IsAlive(int pid)
    {
        var state = State(pid);
        return state is not null && state != 'Z' && state != 'X';
    }

    /// <summary>The state letter of /proc/&lt;pid&gt;/stat (R, S, Z, ...), or null when there is no such process.</summary>
    public static char? State(int pid)
    {
        var stat = Stat(pid);
        if (stat is null)
            return null;
        var close = stat.LastIndexOf(')');
        return close >= 0 && close + 2 < stat.Length ? stat[close + 2] : null;
    }

    public static int? ParentOf(int pid)
    {
        var stat = Stat(pid);
        if (stat is null)
            return null;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The command line, arguments joined with spaces ("" for a zombie or a vanished process).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture));

    /// <summary>Every live descendant of <paramref name="pid"/> (children, their children, ...).</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = AllPids().Select(p => (Pid: p, Parent: ParentOf(p))).Where(p => p.Parent is not null).ToList();
        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var child in parents.Where(p => p.Parent == current).Select(p => p.Pid))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }
        return found;
    }

    /// <summary>SIGKILLs a process and its descendants (collected first, so that none escapes by being re-parented).</summary>
    public static void KillTree(int pid)
    {
        foreach (var victim in Descendants(pid).Prepend(pid))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(victim);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }
    }

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
