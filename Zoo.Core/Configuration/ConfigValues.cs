using System.Collections;

namespace Zoo.Core.Configuration;

/// <summary>
/// An ordered, case-insensitive list of key/value pairs: ZOO's "map". Order matters because
/// ZOO writes sections, metadata and service keys in file order; lookups ignore case as ZOO's do.
/// A repeated key keeps its first position and takes the last value, like ZOO's addToMap.
/// </summary>
public sealed class ConfigValues : IReadOnlyList<KeyValuePair<string, string>>
{
    public static readonly ConfigValues Empty = new([]);

    // Most maps hold a handful of keys: a linear search beats building a dictionary for them.
    private const int IndexThreshold = 12;

    private readonly List<KeyValuePair<string, string>> _pairs;
    private Dictionary<string, int>? _index;

    public ConfigValues(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _pairs = [];
        foreach (var (key, value) in pairs)
        {
            var at = IndexOf(key);
            if (at >= 0)
                _pairs[at] = new(_pairs[at].Key, value);
            else
            {
                _pairs.Add(new(key, value));
                _index?.Add(key, _pairs.Count - 1);
                if (_index is null && _pairs.Count > IndexThreshold)
                    _index = BuildIndex();
            }
        }
    }

    public int Count => _pairs.Count;

    public KeyValuePair<string, string> this[int index] => _pairs[index];

    public string? this[string key] => IndexOf(key) is var at and >= 0 ? _pairs[at].Value : null;

    public bool Contains(string key) => IndexOf(key) >= 0;

    public string Get(string key, string fallback) => this[key] ?? fallback;

    /// <summary>True when the key holds "true" (any case), as ZOO compares its boolean settings.</summary>
    public bool IsTrue(string key) => string.Equals(this[key], "true", StringComparison.OrdinalIgnoreCase);

    private int IndexOf(string key)
    {
        if (_index is not null)
            return _index.TryGetValue(key, out var found) ? found : -1;
        for (var i = 0; i < _pairs.Count; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _pairs.Count; i++)
            index[_pairs[i].Key] = i;
        return index;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
