namespace Zoo.Hpc.Settings;

/// <summary>
/// The keys the settings readers look for in one main.cfg section, and the prefixes they read every key of
/// (<c>sbatch_options_</c>): what <c>--check-config</c> compares a section's keys with, so that the list of known keys
/// is the readers' own and grows with them.
/// </summary>
internal sealed class SectionKeys
{
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _prefixes = [];

    /// <summary>Every key read, as the reader names it.</summary>
    public IReadOnlyCollection<string> Names => _keys;

    /// <summary>Every prefix read whole (<c>sbatch_options_</c>).</summary>
    public IReadOnlyList<string> Prefixes => _prefixes;

    public void Read(string key) => _keys.Add(key);

    public void ReadPrefix(string prefix)
    {
        if (!_prefixes.Contains(prefix, StringComparer.OrdinalIgnoreCase))
            _prefixes.Add(prefix);
    }

    /// <summary>Adds the keys and prefixes another reader of the same section looks for.</summary>
    public void Add(SectionKeys other)
    {
        _keys.UnionWith(other._keys);
        foreach (var prefix in other._prefixes)
            ReadPrefix(prefix);
    }

    /// <summary>Whether a reader looks at this key (read by name, or under a prefix read whole).</summary>
    public bool Knows(string key) =>
        _keys.Contains(key) || _prefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
