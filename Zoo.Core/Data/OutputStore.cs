using Zoo.Core.Files;

namespace Zoo.Core.Data;

/// <summary>
/// Output files in tmpPath and their URLs under tmpUrl: how outputs asked for by reference reach
/// clients. A relative tmpUrl is resolved against the service URL's directory (ZOO joins it to the
/// service URL itself, which gives a wrong address).
/// </summary>
public sealed class OutputStore(string tmpPath, string tmpUrl, string serviceUrl)
{
    public string TmpPath => tmpPath;

    /// <summary>Writes the content as <c>name</c> in tmpPath (atomically) and returns its URL.</summary>
    public string Store(string name, byte[] content)
    {
        AtomicFile.Write(Path.Combine(tmpPath, name), content);
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
