namespace Zoo.Core.Configuration;

/// <summary>
/// Where the sections and keys of one ini file are written, and the lines its reader refused: filled by
/// <see cref="IniDocument.Parse(string, string, IniSourceMap?)"/> for reports that point at lines
/// (<c>--check-config</c>). The kernel answering requests never builds one.
/// </summary>
public sealed class IniSourceMap
{
    private readonly Dictionary<string, int> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ConfigurationException> _errors = [];

    /// <summary>Every line that is neither a section, a key=value, a comment nor blank, in file order.</summary>
    public IReadOnlyList<ConfigurationException> Errors => _errors;

    /// <summary>The line of the section's first header, 0 when it has none.</summary>
    public int LineOf(string section) => _sections.GetValueOrDefault(section);

    /// <summary>
    /// The line of the key in the section, 0 when it is not there; of its last occurrence, since the last value wins.
    /// </summary>
    public int LineOf(string section, string key) => _keys.GetValueOrDefault(Name(section, key));

    internal void AddSection(string section, int line) => _sections.TryAdd(section, line);

    internal void AddKey(string section, string key, int line) => _keys[Name(section, key)] = line;

    internal void AddError(ConfigurationException error) => _errors.Add(error);

    // A section name cannot hold a line break: the pair cannot be confused with another.
    private static string Name(string section, string key) => section + "\n" + key;
}
