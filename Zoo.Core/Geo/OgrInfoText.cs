using System.Globalization;
using System.Text;

namespace Zoo.Core.Geo;

/// <summary>
/// Reads the summary <c>ogrinfo -ro -so -al</c> prints for each layer (GDAL 3.6 has no <c>ogrinfo -json</c>):
/// <c>Layer name:</c>, <c>Geometry:</c>, <c>Feature Count:</c>, <c>Extent: (minx, miny) - (maxx, maxy)</c>,
/// the <c>Layer SRS WKT:</c> block, <c>FID Column =</c> and the field lines (<c>name: Type (width.precision)</c>).
/// One pass; a line it does not know is skipped.
/// </summary>
public static class OgrInfoText
{
    private const string LayerName = "Layer name: ";
    private const string Geometry = "Geometry: ";
    private const string FeatureCount = "Feature Count: ";
    private const string ExtentLine = "Extent: ";
    private const string SrsWkt = "Layer SRS WKT:";
    private const string FidColumn = "FID Column = ";
    private static readonly char[] Digits = "0123456789".ToCharArray();

    // OGR's field type names, as ogrinfo prints them.
    private static readonly HashSet<string> FieldTypes =
    [
        "Integer", "IntegerList", "Real", "RealList", "String", "StringList", "Binary", "Date", "Time", "DateTime",
        "Integer64", "Integer64List", "WideString", "WideStringList",
    ];

    public static IReadOnlyList<VectorLayer> Parse(string output)
    {
        var layers = new List<VectorLayer>();
        LayerBuilder? current = null;
        StringBuilder? wkt = null;
        var wktDepth = 0;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (wkt is not null)
            {
                wkt.Append(line).Append('\n');
                wktDepth += Depth(line);
                if (wktDepth <= 0)
                {
                    current!.Crs = WktCrs.Read(wkt.ToString());
                    wkt = null;
                }
                continue;
            }
            // Past a layer's feature count come its fields, whose names may be "Geometry" or "Layer name" too.
            if (current?.Features is not null && FieldName(line) is { } field)
            {
                current.FirstField ??= field;
                continue;
            }
            if (line.StartsWith(LayerName, StringComparison.Ordinal))
            {
                if (current is not null)
                    layers.Add(current.Build());
                current = new LayerBuilder(line[LayerName.Length..]);
            }
            else if (current is null)
                continue;
            else if (line.StartsWith(Geometry, StringComparison.Ordinal))
                current.Geometry = line[Geometry.Length..].Trim();
            // A field named "Feature Count" prints as "Feature Count: Integer (0.0)": only a number counts.
            else if (line.StartsWith(FeatureCount, StringComparison.Ordinal)
                     && long.TryParse(line.AsSpan(FeatureCount.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                current.Features ??= count;
            else if (line.StartsWith(ExtentLine, StringComparison.Ordinal) && ParseExtent(line[ExtentLine.Length..]) is { } extent)
                current.Extent = extent;
            else if (line.StartsWith(SrsWkt, StringComparison.Ordinal))
            {
                var rest = line[SrsWkt.Length..].Trim();
                if (rest.Length == 0)
                {
                    wkt = new StringBuilder();
                    wktDepth = 0;
                }
            }
            else if (line.StartsWith(FidColumn, StringComparison.Ordinal))
                current.FidColumn = line[FidColumn.Length..].Trim();
        }
        if (current is not null)
            layers.Add(current.Build());
        return layers;
    }

    /// <summary>How much a WKT line opens (brackets outside quotes); the block ends when the count returns to zero.</summary>
    private static int Depth(string line)
    {
        var depth = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '[' or '(')
                depth++;
            else if (!quoted && c is ']' or ')')
                depth--;
        }
        return depth;
    }

    /// <summary><c>(1.000000, 2.000000) - (3.000000, 4.000000)</c>.</summary>
    private static Extent? ParseExtent(string text)
    {
        // The " - " between the corners is no sign: a number starts at a digit or at a '-' right before one.
        var values = new List<double>(4);
        var position = 0;
        while (values.Count < 4 && position < text.Length)
        {
            var start = text.IndexOfAny(Digits, position);
            if (start < 0)
                break;
            if (start > 0 && text[start - 1] == '-')
                start--;
            var end = start + 1;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '+'
                                         || (text[end] == '-' && text[end - 1] is 'e' or 'E')))
                end++;
            if (double.TryParse(text.AsSpan(start, end - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                values.Add(value);
            position = end;
        }
        return values.Count == 4 && values.All(double.IsFinite) ? new Extent(values[0], values[1], values[2], values[3]) : null;
    }

    /// <summary>The name of a field line, <c>name: Type (w.p)</c> or <c>name: Type(Subtype) (w.p)</c>; null for any other line.</summary>
    private static string? FieldName(string line)
    {
        var separator = line.LastIndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0 || !line.EndsWith(')') || line.StartsWith(' '))
            return null;
        var open = line.LastIndexOf(" (", StringComparison.Ordinal);
        if (open <= separator)
            return null;
        var type = line[(separator + 2)..open];
        var subtype = type.IndexOf('(');
        if (!FieldTypes.Contains(subtype < 0 ? type : type[..subtype]))
            return null;
        var size = line[(open + 2)..^1];
        return size.Split('.') is [var w, var p] && w.All(char.IsAsciiDigit) && p.All(char.IsAsciiDigit) && w.Length > 0
            ? line[..separator]
            : null;
    }

    private sealed class LayerBuilder(string name)
    {
        public string Geometry { get; set; } = "Unknown (any)";
        /// <summary>Null until the layer's count is read: the lines after it are its fields.</summary>
        public long? Features { get; set; }
        public Extent? Extent { get; set; }
        public Crs? Crs { get; set; }
        public string? FidColumn { get; set; }
        public string? FirstField { get; set; }

        public VectorLayer Build() =>
            new(name, Geometry, Features ?? -1, Extent, Crs, FidColumn is { Length: > 0 } fid ? fid : FirstField);
    }
}
