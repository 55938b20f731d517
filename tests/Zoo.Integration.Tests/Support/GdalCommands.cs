using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.Support;

/// <summary>What gdalinfo says of a raster: its size, pixel size, CRS (EPSG code) and band types.</summary>
public sealed record RasterFacts(int Width, int Height, double PixelWidth, double PixelHeight, int? Epsg, IReadOnlyList<string> BandTypes);

/// <summary>
/// The GDAL command-line tools the tests make data with and read answers with (gdal_create, gdalinfo, ogrinfo),
/// run as separate processes; a tool that fails fails the test with what it printed.
/// </summary>
public static partial class GdalCommands
{
    /// <summary>Runs a tool; fails the test when it exits with another code than 0.</summary>
    public static string Run(string tool, params string[] arguments) => ExternalTool.Check(tool, arguments, "gdal-bin");

    /// <summary>gdal_create: a GeoTIFF of <paramref name="width"/> x <paramref name="height"/> pixels of
    /// <paramref name="pixelSize"/> metres from (<paramref name="west"/>, <paramref name="north"/>) in
    /// <paramref name="epsg"/>, every band filled with its value of <paramref name="burn"/>.</summary>
    public static void CreateGeoTiff(string path, int width, int height, string type, int epsg, double west, double north,
        double pixelSize, params double[] burn)
    {
        var arguments = new List<string>
        {
            "-q", "-of", "GTiff", "-outsize", N(width), N(height), "-bands", N(burn.Length), "-ot", type,
            "-a_srs", "EPSG:" + N(epsg),
            "-a_ullr", N(west), N(north), N(west + width * pixelSize), N(north - height * pixelSize),
        };
        foreach (var value in burn)
            arguments.AddRange(["-burn", N(value)]);
        arguments.Add(path);
        Run("gdal_create", [.. arguments]);
    }

    /// <summary>gdalinfo -json of a raster file.</summary>
    public static RasterFacts Raster(string path)
    {
        using var info = JsonDocument.Parse(Run("gdalinfo", "-json", path));
        var root = info.RootElement;
        var size = root.GetProperty("size");
        var transform = root.TryGetProperty("geoTransform", out var gt) ? gt.EnumerateArray().Select(v => v.GetDouble()).ToArray() : [0, 0, 0, 0, 0, 0];
        var bands = root.TryGetProperty("bands", out var b) ? b.EnumerateArray().Select(band => band.GetProperty("type").GetString() ?? "").ToList() : [];
        return new RasterFacts(size[0].GetInt32(), size[1].GetInt32(), transform[1], transform[5], Epsg(root), bands);
    }

    /// <summary>The features ogrinfo -so -al counts in a vector file, all layers together.</summary>
    public static long FeatureCount(string path)
    {
        var counts = FeatureCountLine().Matches(Run("ogrinfo", "-ro", "-so", "-al", path));
        if (counts.Count == 0)
            Assert.Fail($"ogrinfo printed no Feature Count for {path}");
        return counts.Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The EPSG code of gdalinfo's answer: its STAC proj:epsg, else the last EPSG ID of the WKT (the CRS's own).</summary>
    private static int? Epsg(JsonElement root)
    {
        if (root.TryGetProperty("stac", out var stac) && stac.TryGetProperty("proj:epsg", out var code) && code.ValueKind == JsonValueKind.Number)
            return code.GetInt32();
        if (root.TryGetProperty("coordinateSystem", out var crs) && crs.TryGetProperty("wkt", out var wkt)
            && WktEpsg().Matches(wkt.GetString() ?? "") is { Count: > 0 } ids)
            return int.Parse(ids[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        return null;
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Feature Count: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FeatureCountLine();

    [GeneratedRegex(@"ID\[""EPSG"",(\d+)\]")]
    private static partial Regex WktEpsg();
}
