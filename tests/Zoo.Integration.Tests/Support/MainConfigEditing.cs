namespace Zoo.Integration.Tests.Support;

/// <summary>Reads and changes keys of the main.cfg of a <see cref="ServiceDirectory"/> copy.</summary>
public static class MainConfigEditing
{
    /// <summary>Sets <paramref name="key"/> in <paramref name="section"/>, adding the key or the section when missing.</summary>
    public static void SetConfig(this ServiceDirectory directory, string section, string key, string value)
    {
        var file = Path.Combine(directory.Path, "main.cfg");
        var lines = File.ReadAllLines(file).ToList();
        var (header, existing) = Find(lines, section, key);
        if (header < 0)
        {
            lines.Add($"[{section}]");
            lines.Add($"{key}={value}");
        }
        else if (existing >= 0)
            lines[existing] = $"{key}={value}";
        else
            lines.Insert(header + 1, $"{key}={value}");
        File.WriteAllLines(file, lines);
    }

    /// <summary>Removes <paramref name="key"/> from <paramref name="section"/>; fails the test when it is not there.</summary>
    public static void RemoveConfig(this ServiceDirectory directory, string section, string key)
    {
        var file = Path.Combine(directory.Path, "main.cfg");
        var lines = File.ReadAllLines(file).ToList();
        var (_, existing) = Find(lines, section, key);
        Assert.That(existing, Is.GreaterThanOrEqualTo(0), $"main.cfg has no {key} in [{section}]");
        lines.RemoveAt(existing);
        File.WriteAllLines(file, lines);
    }

    /// <summary>The value of a key of the copy's main.cfg, or null.</summary>
    public static string? Config(this ServiceDirectory directory, string section, string key)
    {
        var lines = File.ReadAllLines(Path.Combine(directory.Path, "main.cfg")).ToList();
        var (_, existing) = Find(lines, section, key);
        return existing < 0 ? null : lines[existing].Trim()[(key.Length + 1)..];
    }

    /// <summary>The line of the section's header and of the key in it; -1 for either that is not there.</summary>
    private static (int Header, int Key) Find(List<string> lines, string section, string key)
    {
        var header = lines.FindIndex(l => l.Trim() == $"[{section}]");
        if (header < 0)
            return (-1, -1);
        var end = lines.FindIndex(header + 1, l => l.TrimStart().StartsWith('['));
        if (end < 0)
            end = lines.Count;
        return (header, lines.FindIndex(header + 1, end - header - 1, l => l.StartsWith(key + "=", StringComparison.Ordinal)));
    }
}
