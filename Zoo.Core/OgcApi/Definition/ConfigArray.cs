using System.Globalization;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// ZOO's arrays in an ini section: item 0 is <c>key</c>, item N is <c>key_N</c>, and <c>length</c> says how many
/// there are (1 when absent).
/// </summary>
public static class ConfigArray
{
    public static string KeyOf(string key, int index) =>
        index == 0 ? key : string.Create(CultureInfo.InvariantCulture, $"{key}_{index}");

    public static string? Item(ConfigValues section, string key, int index) => section[KeyOf(key, index)];

    /// <summary>The item when it holds something: ZOO writes <c>key=</c> for "none".</summary>
    public static string? NonEmpty(ConfigValues section, string key, int index) =>
        Item(section, key, index) is { Length: > 0 } value ? value : null;

    public static int Length(ConfigValues section, string key = "length", int fallback = 1) =>
        int.TryParse(section[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length >= 0
            ? length
            : fallback;

    /// <summary>How many items the array holds: its length key, else the run of items present from index 0.</summary>
    public static int Count(ConfigValues section, string key, string lengthKey = "length")
    {
        if (section.Contains(lengthKey))
            return Length(section, lengthKey, 0);
        var count = 0;
        while (section.Contains(KeyOf(key, count)))
            count++;
        return count;
    }
}
