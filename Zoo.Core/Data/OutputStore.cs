namespace Zoo.Core.Data;

/// <summary>
/// Output files in tmpPath and their URLs under tmpUrl: how outputs asked for by reference reach
/// clients. A relative tmpUrl is resolved against the service URL's directory (ZOO joins it to the
/// service URL itself, which gives a wrong address).
/// </summary>
public sealed class OutputStore(string tmpPath, string tmpUrl, string serviceUrl)
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = "txt",
        ["text/xml"] = "xml",
        ["application/xml"] = "xml",
        ["text/html"] = "html",
        ["text/csv"] = "csv",
        ["application/json"] = "json",
        ["application/geo+json"] = "geojson",
        ["application/vnd.geo+json"] = "json",
        ["application/gml+xml"] = "gml",
        ["application/vnd.google-earth.kml+xml"] = "kml",
        ["application/zip"] = "zip",
        ["application/pdf"] = "pdf",
        ["application/x-netcdf"] = "nc",
        ["application/x-hdf"] = "hdf",
        ["image/tiff"] = "tif",
        ["image/geotiff"] = "tif",
        ["image/png"] = "png",
        ["image/jpeg"] = "jpg",
        ["image/gif"] = "gif",
        ["image/svg+xml"] = "svg",
    };

    public string TmpPath => tmpPath;

    /// <summary>ZOO's extension for a mime type (its parameters ignored), txt when unknown.</summary>
    public static string ExtensionFor(string? mimeType)
    {
        var bare = mimeType?.Split(';')[0].Trim() ?? "";
        return Extensions.TryGetValue(bare, out var extension) ? extension : "txt";
    }

    /// <summary>Writes the content as <c>name</c> in tmpPath (atomically) and returns its URL.</summary>
    public string Store(string name, byte[] content)
    {
        var path = Path.Combine(tmpPath, name);
        var temporary = path + ".part";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return UrlOf(name);
    }

    /// <summary>The URL of a file under tmpPath, or null when the path lies outside it.</summary>
    public string? UrlOfFile(string path)
    {
        var root = Path.GetFullPath(tmpPath).TrimEnd('/') + "/";
        var full = Path.GetFullPath(path, tmpPath);
        return full.StartsWith(root, StringComparison.Ordinal) ? UrlOf(full[root.Length..]) : null;
    }

    /// <summary>The URL a file of that name in tmpPath is published at.</summary>
    public string UrlOf(string relative)
    {
        var escaped = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
        return BaseUrl().TrimEnd('/') + "/" + escaped;
    }

    private string BaseUrl()
    {
        if (Uri.TryCreate(tmpUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return tmpUrl;
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service))
            return new Uri(service, tmpUrl).ToString();
        return tmpUrl;
    }
}
