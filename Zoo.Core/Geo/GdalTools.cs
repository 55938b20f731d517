namespace Zoo.Core.Geo;

/// <summary>
/// The GDAL command-line tools the kernel runs to read geographic data (package <c>gdal-bin</c>): <c>gdalinfo</c> for
/// rasters, <c>ogrinfo</c> for vectors, <c>gdaltransform</c> for the longitude/latitude of a CRS without a code. A bare name is looked up on <c>PATH</c>, then in /usr/local/bin,
/// /usr/bin and /bin (a CGI may have no useful <c>PATH</c>); a name with a slash is used as is.
/// </summary>
/// <param name="Timeout">How long one tool may run before it is killed (with its children).</param>
public sealed record GdalTools(string GdalInfo, string OgrInfo, TimeSpan Timeout)
{
    /// <summary>The package that provides the tools, named in the error when one is missing.</summary>
    public const string Package = "gdal-bin";

    public string GdalTransform { get; init; } = "gdaltransform";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static GdalTools Default { get; } = new("gdalinfo", "ogrinfo", DefaultTimeout);

    private static readonly string[] FallbackDirectories = ["/usr/local/bin", "/usr/bin", "/bin"];

    /// <summary>The executable to start for <paramref name="tool"/>, or null when there is none.</summary>
    internal static string? Resolve(string tool)
    {
        if (tool.Contains('/'))
            return File.Exists(tool) ? tool : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(FallbackDirectories))
        {
            // Only absolute PATH entries: an empty or relative one would find a tool in whatever the current directory is.
            if (!directory.StartsWith('/'))
                continue;
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
