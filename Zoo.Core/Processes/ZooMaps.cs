using System.Collections;

namespace Zoo.Core.Processes;

/// <summary>ZOO's "maps": named maps in order (conf sections, or one map per input or output).</summary>
public sealed class ZooMaps : IEnumerable<KeyValuePair<string, ZooMap>>
{
    private readonly List<KeyValuePair<string, ZooMap>> _maps = [];

    public int Count => _maps.Count;

    public ZooMap? this[string name] =>
        _maps.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The named map, created empty at the end when there is none.</summary>
    public ZooMap GetOrAdd(string name)
    {
        if (this[name] is { } existing)
            return existing;
        var map = new ZooMap();
        _maps.Add(KeyValuePair.Create(name, map));
        return map;
    }

    public void Set(string name, ZooMap map)
    {
        var at = _maps.FindIndex(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
            _maps[at] = KeyValuePair.Create(_maps[at].Key, map);
        else
            _maps.Add(KeyValuePair.Create(name, map));
    }

    public IEnumerator<KeyValuePair<string, ZooMap>> GetEnumerator() => _maps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
