using System.Collections;

namespace Zoo.Core.Processes;

/// <summary>
/// One of ZOO's maps (a conf section, an input, an output): ordered keys, looked up without regard
/// to case; setting a key again replaces its value in place, as ZOO's addToMap does.
/// </summary>
public sealed class ZooMap : IEnumerable<KeyValuePair<string, MapValue>>
{
    private readonly List<KeyValuePair<string, MapValue>> _pairs = [];

    public ZooMap()
    {
    }

    public ZooMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        foreach (var (key, value) in pairs)
            this[key] = value;
    }

    public int Count => _pairs.Count;

    public MapValue? this[string key]
    {
        get => IndexOf(key) is var at and >= 0 ? _pairs[at].Value : null;
        set
        {
            var at = IndexOf(key);
            if (value is null)
            {
                if (at >= 0)
                    _pairs.RemoveAt(at);
            }
            else if (at >= 0)
                _pairs[at] = KeyValuePair.Create(_pairs[at].Key, value);
            else
                _pairs.Add(KeyValuePair.Create(key, value));
        }
    }

    /// <summary>The value as text, when it is text.</summary>
    public string? Text(string key) => this[key] is TextValue text ? text.Text : null;

    public bool Contains(string key) => IndexOf(key) >= 0;

    /// <summary>Adds the key only where the map has none: how defaults fill what the request left out.</summary>
    public void SetDefault(string key, string value)
    {
        if (!Contains(key))
            this[key] = value;
    }

    public ZooMap Copy()
    {
        var copy = new ZooMap();
        copy._pairs.AddRange(_pairs);
        return copy;
    }

    public IEnumerator<KeyValuePair<string, MapValue>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _pairs.Count; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}
