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

    private readonly List<KeyValuePair<string, string>> _pairs;
    private readonly Dictionary<string, int> _index;

    public ConfigValues(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _pairs = [];
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            if (_index.TryGetValue(key, out var at))
                _pairs[at] = new(_pairs[at].Key, value);
            else
            {
                _index[key] = _pairs.Count;
                _pairs.Add(new(key, value));
            }
        }
    }

    public int Count => _pairs.Count;

    public KeyValuePair<string, string> this[int index] => _pairs[index];

    public string? this[string key] => _index.TryGetValue(key, out var at) ? _pairs[at].Value : null;

    public bool Contains(string key) => _index.ContainsKey(key);

    public string Get(string key, string fallback) => this[key] ?? fallback;

    /// <summary>True when the key holds "true" (any case), as ZOO compares its boolean settings.</summary>
    public bool IsTrue(string key) => string.Equals(this[key], "true", StringComparison.OrdinalIgnoreCase);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
