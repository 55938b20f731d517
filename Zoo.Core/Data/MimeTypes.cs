namespace Zoo.Core.Data;

/// <summary>
/// The file extension ZOO gives data of a mime type (its input files, its outputs by reference): the first
/// extension the Apache web server's mime.types lists for the type, found by ZOO's rule, which services and
/// clients see in file names: the mime type must start with a known type (so parameters such as
/// <c>; subtype=gml/3.1.1</c> do not matter), an unknown <c>image/x</c> is <c>x</c>, anything else <c>txt</c>.
/// </summary>
public static class MimeTypes
{
    private const string Fallback = "txt";
    private const string ImagePrefix = "image/";

    // The types geographic services exchange, with mime.types' first extension for each.
    private static readonly (string Type, string Extension)[] Known =
    [
        ("application/json", "json"),
        ("application/geo+json", "geojson"),
        ("application/gml+xml", "gml"),
        ("application/vnd.google-earth.kml+xml", "kml"),
        ("application/vnd.google-earth.kmz", "kmz"),
        ("application/xml", "xml"),
        ("application/zip", "zip"),
        ("application/x-zip-compressed", "zip"),
        ("application/pdf", "pdf"),
        ("application/octet-stream", "bin"),
        ("application/x-netcdf", "nc"),
        ("application/x-hdf", "hdf"),
        ("application/javascript", "js"),
        ("image/tiff", "tiff"),
        ("image/png", "png"),
        ("image/jpeg", "jpeg"),
        ("image/gif", "gif"),
        ("image/svg+xml", "svg"),
        ("text/plain", "txt"),
        ("text/html", "html"),
        ("text/xml", "xml"),
        ("text/csv", "csv"),
        ("text/css", "css"),
    ];

    public static string ExtensionFor(string? mimeType)
    {
        if (string.IsNullOrEmpty(mimeType))
            return Fallback;
        foreach (var (type, extension) in Known)
        {
            if (mimeType.StartsWith(type, StringComparison.Ordinal))
                return extension;
        }
        if (mimeType.StartsWith(ImagePrefix, StringComparison.Ordinal))
        {
            var subtype = mimeType[ImagePrefix.Length..].Split(';')[0].Trim();
            // It becomes part of a file name: only a plain token will do.
            if (subtype.Length is > 0 and <= 32 && subtype.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+'))
                return subtype;
        }
        return Fallback;
    }

    /// <summary>Whether data of this mime type is XML (text/xml, application/xml, any +xml), whatever its parameters.</summary>
    public static bool IsXml(string? mimeType)
    {
        var bare = mimeType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        return bare is "text/xml" or "application/xml" || bare.EndsWith("+xml", StringComparison.Ordinal);
    }
}
