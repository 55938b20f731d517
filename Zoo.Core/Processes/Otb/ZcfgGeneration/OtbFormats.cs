namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// The formats ZOO's otb2zcfg gives OTB's file parameters (spec/otb2zcfg.md §1), the first of each list being the
/// Default. Plain files are told apart by words of their key and description, as otb2zcfg does, since OTB's
/// types do not say what a file holds.
/// </summary>
public static class OtbFormats
{
    /// <summary>What GDAL reads and writes for ZOO's OTB runner, which picks the file extension from the mimeType.</summary>
    public static readonly IReadOnlyList<ComplexFormat> Images =
        [new("image/tiff"), new("image/jpeg"), new("image/png")];

    /// <summary>GML by default; KML, GeoJSON, and zipped shapefiles.</summary>
    public static readonly IReadOnlyList<ComplexFormat> Vectors =
    [
        new("text/xml", "utf-8"), new("application/vnd.google-earth.kml+xml", "utf-8"), new("application/json", "utf-8"),
        new("application/zip"),
    ];

    public static readonly IReadOnlyList<ComplexFormat> Geoid = [new("application/octet-stream")];
    public static readonly IReadOnlyList<ComplexFormat> Ascii = [new("text/plain", "ascii")];
    public static readonly IReadOnlyList<ComplexFormat> Xml = [new("text/xml", "utf-8")];
    public static readonly IReadOnlyList<ComplexFormat> Csv = [new("text/csv", "utf-8")];
    public static readonly IReadOnlyList<ComplexFormat> Kmz = [new("application/vnd.google-earth.kmz", Extension: "kmz")];
    public static readonly IReadOnlyList<ComplexFormat> OtherFile = [new("text/xml", "utf-8"), new("text/plain", "utf-8")];

    /// <summary>InputFilename and InputFilenameList: a geoid grid, a vector file, an ASCII or XML file, else an image.</summary>
    public static IReadOnlyList<ComplexFormat> ForInputFile(OtbParameter parameter)
    {
        var description = parameter.Description;
        return parameter.Key.Contains("geoid", StringComparison.Ordinal) ? Geoid
            : description.Contains("vector", StringComparison.Ordinal) ? Vectors
            : description.Contains("ASCII", StringComparison.Ordinal) ? Ascii
            : HasAny(description, "XML", "xml") ? Xml
            : Images;
    }

    /// <summary>OutputFilename: CSV, text, XML, vector, KMZ (either case, which otb2zcfg meant), else XML or text.</summary>
    public static IReadOnlyList<ComplexFormat> ForOutputFile(OtbParameter parameter)
    {
        var description = parameter.Description;
        return HasAny(description, "csv", "CSV") ? Csv
            : description.Contains("text file", StringComparison.Ordinal) ? Ascii
            : HasAny(description, "XML", "xml") ? Xml
            : HasAny(description, "vector", "Vector") ? Vectors
            : HasAny(description, "kmz", "Kmz") ? Kmz
            : OtherFile;
    }

    private static bool HasAny(string text, params string[] words) =>
        words.Any(word => text.Contains(word, StringComparison.Ordinal));
}
