using IniParser.Exceptions;
using IniParser.Model.Configuration;
using IniParser.Parser;

namespace Zoo.Core.Configuration;

/// <summary>
/// An ini file in ZOO's dialect (main.cfg, a job's lenv and res files): sections in file order,
/// keys case-insensitive, a repeated key or section merges with the last value winning.
/// Lines starting with <c>#</c> or <c>;</c> are comments.
/// </summary>
public sealed class IniDocument
{
    private readonly Dictionary<string, ConfigSection> _byName;

    private IniDocument(IReadOnlyList<ConfigSection> sections)
    {
        Sections = sections;
        _byName = sections.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ConfigSection> Sections { get; }

    public ConfigValues this[string section] =>
        _byName.TryGetValue(section, out var found) ? found.Values : ConfigValues.Empty;

    public bool HasSection(string section) => _byName.ContainsKey(section);

    public static IniDocument Read(string path) => Parse(TextFiles.Read(path), path);

    /// <exception cref="ConfigurationException">a line that is neither a section, a key=value, a comment nor blank.</exception>
    public static IniDocument Parse(string text, string source)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            lines[i] = CheckedLine(lines[i].TrimEnd('\r'), source, i + 1);

        var parser = new IniDataParser(new IniParserConfiguration
        {
            CaseInsensitive = true,
            AllowDuplicateKeys = true,
            OverrideDuplicateKeys = true,
            AllowDuplicateSections = true,
            AllowKeysWithoutSection = true,
            ThrowExceptionsOnError = true,
        });
        try
        {
            var data = parser.Parse(string.Join('\n', lines));
            var sections = data.Sections
                .Select(s => new ConfigSection(s.SectionName,
                    new ConfigValues(s.Keys.Select(k => KeyValuePair.Create(k.KeyName, k.Value ?? "")))))
                .ToList();
            return new IniDocument(sections);
        }
        catch (ParsingException e)
        {
            throw new ConfigurationException($"{source} line {e.LineNumber}: {FirstLine(e.Message)}");
        }
    }

    // Comments become blank lines so that line numbers in errors stay those of the file.
    private static string CheckedLine(string line, string source, int number)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            return "";
        if (trimmed[0] == '[')
        {
            if (trimmed[^1] != ']')
                throw new ConfigurationException($"{source} line {number}: a section header must end with ']': {trimmed}");
            return trimmed;
        }
        var equals = trimmed.IndexOf('=');
        if (equals < 0)
            throw new ConfigurationException($"{source} line {number}: expected key=value, found \"{trimmed}\"");
        if (equals == 0)
            throw new ConfigurationException($"{source} line {number}: a value without a key: \"{trimmed}\"");
        return trimmed;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
