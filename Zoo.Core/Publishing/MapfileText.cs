using System.Globalization;
using System.Text;

namespace Zoo.Core.Publishing;

/// <summary>
/// Writes mapfile text: blocks indented two spaces a level, strings double-quoted with MapServer's escapes
/// (a backslash before <c>"</c> and <c>\</c>; a control character, which would end the line MapServer reads,
/// becomes a space), numbers in invariant culture without exponent.
/// </summary>
public sealed class MapfileText
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public MapfileText Open(string keyword) => Line(keyword).Indent(1);

    public MapfileText End() => Indent(-1).Line("END");

    /// <summary>A keyword and its values, each already quoted or formatted.</summary>
    public MapfileText Line(string keyword, params string[] values)
    {
        _text.Append(' ', 2 * _depth).Append(keyword);
        foreach (var value in values)
            _text.Append(' ').Append(value);
        _text.Append('\n');
        return this;
    }

    /// <summary>Mapfile text written elsewhere (msStyle, a block), as it is, indented to the current depth.</summary>
    public MapfileText Raw(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length > 0)
                _text.Append(' ', 2 * _depth).Append(line.TrimEnd()).Append('\n');
        }
        return this;
    }

    /// <summary>A METADATA or CONFIG-like block of quoted pairs.</summary>
    public MapfileText Pairs(string keyword, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Open(keyword);
        foreach (var (key, value) in pairs)
            Line(Quote(key), Quote(value));
        return End();
    }

    public override string ToString() => _text.ToString();

    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                quoted.Append('\\').Append(c);
            else
                quoted.Append(char.IsControl(c) ? ' ' : c);
        }
        return quoted.Append('"').ToString();
    }

    public static string Number(double value) => value.ToString("0.###############", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private MapfileText Indent(int change)
    {
        _depth = Math.Max(0, _depth + change);
        return this;
    }
}
