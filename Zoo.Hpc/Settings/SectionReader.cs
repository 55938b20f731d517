using System.Globalization;
using Zoo.Core.Configuration;

namespace Zoo.Hpc.Settings;

/// <summary>
/// Reads the keys of one main.cfg section and collects every problem instead of stopping at the
/// first, so that an operator fixes a broken HPC configuration in one pass rather than one key per try.
/// Every key it is asked for is noted in <paramref name="keys"/>, the section's known keys.
/// </summary>
internal sealed class SectionReader(string section, ConfigValues values, List<ConfigProblem> problems, SectionKeys keys)
{
    public string Section => section;

    /// <summary>The value of every key starting with the prefix, in file order; all such keys are known.</summary>
    public IEnumerable<KeyValuePair<string, string>> WithPrefix(string prefix)
    {
        keys.ReadPrefix(prefix);
        return values.Where(pair => pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The key's value, or null (and a problem) when it is absent or empty.</summary>
    public string? Required(string key, string purpose)
    {
        if (Optional(key) is { } value)
            return value;
        Problem(key, $"is missing: {purpose}");
        return null;
    }

    /// <summary>The key's value; null when absent or empty, since ZOO treats both alike.</summary>
    public string? Optional(string key)
    {
        keys.Read(key);
        return values[key] is { Length: > 0 } value ? value : null;
    }

    /// <summary>A required integer; ZOO's atoi reads garbage as 0, which would silently change the choice.</summary>
    public long RequiredInteger(string key, string purpose)
    {
        if (Required(key, purpose) is not { } text)
            return 0;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        Problem(key, $"must be a non-negative integer, found \"{text}\"");
        return 0;
    }

    /// <summary>An optional integer within [min, max]; the fallback when absent.</summary>
    public int OptionalInteger(string key, int fallback, int min, int max)
    {
        if (Optional(key) is not { } text)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        Problem(key, $"must be an integer from {min} to {max}, found \"{text}\"");
        return fallback;
    }

    /// <summary>An optional true/false (also yes/no, 1/0, as main.cfg writers use them); the fallback when absent.</summary>
    public bool OptionalBoolean(string key, bool fallback)
    {
        if (Optional(key) is not { } text)
            return fallback;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "on":
                return true;
            case "false" or "no" or "0" or "off":
                return false;
            default:
                Problem(key, $"must be true or false, found \"{text}\"");
                return fallback;
        }
    }

    public void Problem(string key, string message) => problems.Add(new ConfigProblem($"[{section}] {key} {message}", section, key));
}
