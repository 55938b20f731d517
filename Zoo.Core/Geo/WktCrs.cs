using System.Text;

namespace Zoo.Core.Geo;

/// <summary>
/// Reads what the kernel needs of a CRS written as WKT (1 or 2, as GDAL prints it): the authority code of the
/// CRS itself (its last top-level <c>ID</c> or <c>AUTHORITY</c>; nested ones belong to its datum, base CRS or
/// parameters) and whether it is geographic. One pass over the text.
/// </summary>
public static class WktCrs
{
    private static readonly string[] GeographicRoots = ["GEOGCS", "GEOGCRS", "GEOGRAPHICCRS"];
    private static readonly string[] GeodeticRoots = ["GEODCRS", "GEODETICCRS"];

    /// <summary>The CRS, or null for an empty text or one that is not WKT.</summary>
    public static Crs? Read(string? wkt)
    {
        var text = wkt?.Trim() ?? "";
        var open = text.IndexOfAny(['[', '(']);
        if (open <= 0)
            return null;
        var root = text[..open].Trim().ToUpperInvariant();
        if (root.Length == 0 || !root.All(char.IsAsciiLetter))
            return null;
        var geographic = GeographicRoots.Contains(root)
                         || (GeodeticRoots.Contains(root) && text.Contains("CS[ellipsoidal", StringComparison.OrdinalIgnoreCase));
        return new Crs(TopLevelAuthority(text, open), geographic, text);
    }

    private static string? TopLevelAuthority(string text, int rootOpen)
    {
        string? code = null;
        var depth = 0;
        var word = new StringBuilder();
        for (var i = rootOpen; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i = SkipQuoted(text, i);
                word.Clear();
            }
            else if (c is '[' or '(')
            {
                depth++;
                if (depth == 2 && word.ToString().Trim().ToUpperInvariant() is "ID" or "AUTHORITY")
                    code = AuthorityAt(text, i + 1) ?? code;
                word.Clear();
            }
            else if (c is ']' or ')')
            {
                depth--;
                word.Clear();
            }
            else if (c == ',')
                word.Clear();
            else if (depth == 1)
                word.Append(c);
        }
        return code;
    }

    /// <summary>The index of the closing quote of the string opening at <paramref name="start"/> (WKT doubles a quote inside one).</summary>
    private static int SkipQuoted(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] != '"')
                continue;
            if (i + 1 < text.Length && text[i + 1] == '"')
                i++;
            else
                return i;
        }
        return text.Length;
    }

    /// <summary><c>"EPSG",4326</c> or <c>"EPSG","4326"</c> as <c>EPSG:4326</c>; null when it is not a plain name and code.</summary>
    private static string? AuthorityAt(string text, int start)
    {
        var end = text.IndexOfAny([']', ')'], start);
        if (end < 0)
            return null;
        var parts = text[start..end].Split(',');
        if (parts.Length < 2)
            return null;
        var authority = parts[0].Trim().Trim('"');
        var code = parts[1].Trim().Trim('"');
        return IsToken(authority) && IsToken(code) ? $"{authority.ToUpperInvariant()}:{code}" : null;
    }

    // The code goes into mapfiles and URLs: only what an authority code is made of.
    private static bool IsToken(string value) =>
        value.Length is > 0 and <= 32 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
}
