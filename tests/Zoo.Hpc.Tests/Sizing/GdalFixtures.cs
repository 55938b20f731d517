using System.Globalization;
using System.Text;
using Zoo.Tests.Tools;

namespace Zoo.Hpc.Tests.Sizing;

/// <summary>Real geodata made with GDAL's own tools (gdal-bin, which CI installs): rasters with gdal_create, vectors with ogr2ogr.</summary>
internal static class GdalFixtures
{
    /// <summary>
    /// A GeoTIFF of <paramref name="width"/> × <paramref name="height"/> pixels and <paramref name="bands"/> bands,
    /// written with GDAL's GTiff creation options (<c>TILED=YES</c>, <c>BIGTIFF=YES</c>, <c>ENDIANNESS=BIG</c>, ...).
    /// </summary>
    public static string Raster(string directory, string name, int width, int height, int bands, params string[] creationOptions)
    {
        var path = Path.Combine(directory, name);
        Run("gdal_create", ["-of", "GTiff", "-outsize", Text(width), Text(height), "-bands", Text(bands),
            "-ot", "Byte", "-a_srs", "EPSG:4326", "-a_ullr", "0", Text(height), Text(width), "0",
            .. creationOptions.SelectMany(option => new[] { "-co", option }), path]);
        return path;
    }

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> pixels: a raster that only GDAL sizes.</summary>
    public static string Png(string directory, string name, int width, int height)
    {
        var tiff = Raster(directory, name + ".source.tif", width, height, 1);
        var path = Path.Combine(directory, name);
        Run("gdal_translate", "-q", "-of", "PNG", tiff, path);
        File.Delete(tiff);
        return path;
    }

    /// <summary>A GeoJSON FeatureCollection of <paramref name="count"/> points (written directly: it is plain JSON).</summary>
    public static string GeoJson(string directory, string name, int count)
    {
        var json = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        for (var i = 0; i < count; i++)
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$$"""{"type":"Feature","properties":{"id":{{{i}}}},"geometry":{"type":"Point","coordinates":[{{{i}}},{{{i}}}]}}""");
        json.Append("]}");
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json.ToString());
        return path;
    }

    /// <summary>Converts <paramref name="source"/> with ogr2ogr into a new dataset (GPKG, "ESRI Shapefile", …) with the given layer name.</summary>
    public static string Convert(string source, string directory, string name, string format, string layer)
    {
        var path = Path.Combine(directory, name);
        Run("ogr2ogr", "-f", format, "-nln", layer, path, source);
        return path;
    }

    /// <summary>Adds <paramref name="source"/> as one more layer of the existing dataset <paramref name="target"/>.</summary>
    public static void AddLayer(string target, string source, string layer) =>
        Run("ogr2ogr", "-update", "-nln", layer, target, source);

    /// <summary>An executable /bin/sh script (a fake tool).</summary>
    public static string Script(string directory, string name, string body) => ExternalTool.Script(Path.Combine(directory, name), body);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Run(string tool, params string[] arguments) => ExternalTool.Check(tool, arguments, "gdal-bin");
}
