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
    public static IniDocument Parse(string text, string source) => Parse(text, source, null);

    /// <param name="map">
    /// when given, records where each section and key is written, and each refused line instead of throwing: the
    /// document is then what the other lines say.
    /// </param>
    /// <exception cref="ConfigurationException">without a map: a line that is neither a section, a key=value, a comment nor blank.</exception>
    public static IniDocument Parse(string text, string source, IniSourceMap? map)
    {
        var lines = text.Split('\n');
        var section = "";
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                lines[i] = CheckedLine(lines[i].TrimEnd('\r'), source, i + 1);
            }
            catch (ConfigurationException e) when (map is not null)
            {
                map.AddError(e);
                lines[i] = "";
            }
            if (map is not null)
                section = Record(map, lines[i], i + 1, section);
        }

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
            var error = new ConfigurationException($"{source} line {e.LineNumber}: {FirstLine(e.Message)}", (int)e.LineNumber);
            if (map is null)
                throw error;
            map.AddError(error);
            return new IniDocument([]);
        }
    }

    /// <returns>the section the lines that follow belong to.</returns>
    private static string Record(IniSourceMap map, string checkedLine, int number, string section)
    {
        if (checkedLine.Length == 0)
            return section;
        if (checkedLine[0] == '[')
        {
            var name = checkedLine[1..^1].Trim();
            map.AddSection(name, number);
            return name;
        }
        map.AddKey(section, checkedLine[..checkedLine.IndexOf('=')].Trim(), number);
        return section;
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
                throw new ConfigurationException($"{source} line {number}: a section header must end with ']': {trimmed}", number);
            return trimmed;
        }
        var equals = trimmed.IndexOf('=');
        if (equals < 0)
            throw new ConfigurationException($"{source} line {number}: expected key=value, found \"{trimmed}\"", number);
        if (equals == 0)
            throw new ConfigurationException($"{source} line {number}: a value without a key: \"{trimmed}\"", number);
        return trimmed;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
