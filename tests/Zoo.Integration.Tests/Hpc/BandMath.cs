using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>Asynchronous Executes of hpc.BandMath (cgi-env/hpc/BandMath.zcfg) and the rasters they read.</summary>
internal static class BandMath
{
    public const string Service = "BandMath";

    /// <summary>A WPS 2.0.0 async Execute: the image <paramref name="imageHref"/> as <c>il</c>, the expression as <c>exp</c>.</summary>
    public static string AsyncExecute(string imageHref, string expression, string identifier = "hpc.BandMath") =>
        Xml20(identifier,
                Reference20("il", imageHref, "mimeType=\"image/tiff\"") + Data20("exp", "", X(expression)),
                Output20("out", "reference"))
            .Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal);

    /// <summary>The content of <see cref="GeoTiffFile"/>.</summary>
    public static byte[] GeoTiff(string directory, int width, int height) => File.ReadAllBytes(GeoTiffFile(directory, width, height));

    /// <summary>A single band Byte GeoTIFF of <paramref name="width"/> × <paramref name="height"/> pixels made by gdal_create in <paramref name="directory"/>; returns its path.</summary>
    public static string GeoTiffFile(string directory, int width, int height)
    {
        var path = Path.Combine(directory, $"bandmath-input-{width}x{height}.tif");
        LocalCommand.Output("gdal_create", ["-of", "GTiff", "-outsize", $"{width}", $"{height}", "-bands", "1", "-ot", "Byte",
            "-burn", "7", "-a_srs", "EPSG:4326", "-a_ullr", "0", $"{height}", $"{width}", "0", path]);
        return path;
    }

    /// <summary>The same application run on this machine, for a cluster result to compare with; returns the output's path.</summary>
    public static string RunLocally(string input, string expression, string directory)
    {
        var output = Path.Combine(directory, "local-bandmath.tif");
        LocalCommand.Output("otbcli_BandMath", ["-il", input, "-exp", expression, "-out", output]);
        return output;
    }

    /// <summary>gdalinfo's checksum of band 1, the way to compare two rasters whatever their metadata.</summary>
    public static string Checksum(string raster) =>
        LocalCommand.Output("gdalinfo", ["-checksum", raster])
            .Split('\n').First(l => l.Contains("Checksum=", StringComparison.Ordinal)).Trim();
}
