using System.Text;
using Zoo.Core.Configuration;

namespace Zoo.Core.Publishing;

/// <summary>
/// ZOO's <c>msInclude</c>: a mapfile the operator wrote, which the published map is made from. The template is kept
/// as written; the kernel's map keys (name, size, extent, projection, formats, WEB) are added at the end of its
/// MAP, where MapServer lets them win; for a vector the data joins the template's last LAYER (its own keys added at
/// the end of that block, so that its classes draw the data and its other layers can name it), for a raster it
/// comes as a new layer, as in ZOO. The template is read with MapServer's lexical rules: strings in either quote
/// and regular expressions between slashes, with backslash escapes, <c>#</c> and <c>/* */</c> comments, and the
/// blocks that END closes.
/// </summary>
public static class MapfileTemplate
{
    // The keywords that open a block closed by END (SYMBOL only at the map's level: in a STYLE it names a symbol).
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "MAP", "LAYER", "CLASS", "STYLE", "LABEL", "WEB", "METADATA", "VALIDATION", "PROJECTION", "OUTPUTFORMAT", "LEGEND",
        "SCALEBAR", "QUERYMAP", "REFERENCE", "FEATURE", "POINTS", "PATTERN", "GRID", "JOIN", "CLUSTER", "COMPOSITE", "LEADER",
        "SCALETOKEN", "VALUES", "CONNECTIONOPTIONS", "BINDVALS",
    };

    /// <exception cref="PublicationException">the template cannot be read, or is not a mapfile with a MAP block.</exception>
    public static string Merge(string templatePath, string mapKeys, IReadOnlyList<string> layers, bool joinLastLayer)
    {
        string template;
        try
        {
            template = TextFiles.Read(templatePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConfigurationException)
        {
            throw new PublicationException($"Unable to open your template mapfile! {templatePath}: {e.Message}");
        }
        var (mapEnd, lastLayerEnd) = Locate(template)
            ?? throw new PublicationException($"Unable to open your template mapfile! {templatePath} is not a mapfile with one MAP block.");
        var merged = new StringBuilder(template.Length + mapKeys.Length + 1024);
        var added = layers.ToList();
        var cut = 0;
        if (joinLastLayer && lastLayerEnd is { } layerEnd && added.Count > 0)
        {
            merged.Append(template, 0, layerEnd).Append('\n').Append(Indented(added[0], "    "));
            added.RemoveAt(0);
            cut = layerEnd;
        }
        merged.Append(template, cut, mapEnd - cut).Append('\n');
        foreach (var layer in added)
            merged.Append("  LAYER\n").Append(Indented(layer, "    ")).Append("  END\n");
        merged.Append(Indented(mapKeys, "  "));
        return merged.Append(template, mapEnd, template.Length - mapEnd).ToString();
    }

    /// <summary>Where the END of the MAP block and of its last LAYER start; null when the text is not one balanced MAP.</summary>
    internal static (int MapEnd, int? LastLayerEnd)? Locate(string text)
    {
        var open = new Stack<string>();
        int? mapEnd = null;
        int? lastLayerEnd = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
                i++;
            else if (c == '#')
                i = LineEnd(text, i);
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                i = CommentEnd(text, i);
            else if (c is '"' or '\'' || (c == '/' && i + 1 < text.Length && text[i + 1] != '*'))
                i = StringEnd(text, i);
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '\'' or '#'))
                    i++;
                var word = text[start..i];
                if (word.Equals("END", StringComparison.OrdinalIgnoreCase))
                {
                    if (open.Count == 0)
                        return null;
                    var closed = open.Pop();
                    if (closed.Equals("LAYER", StringComparison.OrdinalIgnoreCase) && open.Count == 1)
                        lastLayerEnd = start;
                    else if (closed.Equals("MAP", StringComparison.OrdinalIgnoreCase) && open.Count == 0)
                        mapEnd ??= start;
                }
                else if (Blocks.Contains(word) || (word.Equals("SYMBOL", StringComparison.OrdinalIgnoreCase) && open.Count == 1))
                {
                    if (open.Count == 0 && !word.Equals("MAP", StringComparison.OrdinalIgnoreCase))
                        return null;
                    open.Push(word);
                }
            }
        }
        return open.Count == 0 && mapEnd is { } end ? (end, lastLayerEnd) : null;
    }

    private static int LineEnd(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end + 1;
    }

    private static int CommentEnd(string text, int i)
    {
        var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + 2;
    }

    private static int StringEnd(string text, int i)
    {
        var quote = text[i];
        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] == '\\')
                j++;
            else if (text[j] == quote)
                return j + 1;
        }
        return text.Length;
    }

    private static string Indented(string text, string indent) =>
        string.Concat(text.Split('\n').Where(line => line.Trim().Length > 0).Select(line => indent + line.TrimEnd() + "\n"));
}
