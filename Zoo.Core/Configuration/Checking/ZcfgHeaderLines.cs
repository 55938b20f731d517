namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// The lines of a .zcfg's <c>[Name]</c> and of its header keys (serviceType, serviceProvider, confId...), for reports:
/// the parser keeps no line numbers, since the kernel reads hundreds of headers per request and never needs them.
/// Read in one pass by the parser's rules: blank and <c>#</c> lines skipped, keys of nested blocks (MetaData...)
/// not the header's, the header ending at DataInputs or DataOutputs. A repeated key is at its last line, whose value wins.
/// </summary>
public sealed class ZcfgHeaderLines
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.OrdinalIgnoreCase);

    private ZcfgHeaderLines()
    {
    }

    /// <summary>The line of <c>[Name]</c>; 1 when the file has none.</summary>
    public int NameLine { get; private set; } = 1;

    /// <summary>The line of the header key, 0 when the header has none.</summary>
    public int LineOf(string key) => _keys.GetValueOrDefault(key);

    public static ZcfgHeaderLines Of(string text)
    {
        var lines = new ZcfgHeaderLines();
        var named = false;
        var depth = 0;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (!named)
            {
                lines.NameLine = number;
                named = true;
            }
            else if (line[0] == '<')
            {
                if (depth == 0 && (line.StartsWith("<DataInputs", StringComparison.OrdinalIgnoreCase)
                                   || line.StartsWith("<DataOutputs", StringComparison.OrdinalIgnoreCase)))
                    break;
                depth += line.StartsWith("</", StringComparison.Ordinal) ? -1 : line.EndsWith("/>", StringComparison.Ordinal) ? 0 : 1;
            }
            else if (depth == 0 && line.IndexOf('=') is > 0 and var equals)
            {
                lines._keys[line[..equals].Trim()] = number;
            }
        }
        return lines;
    }
}
