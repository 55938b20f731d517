using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.TestSupport;

/// <summary>
/// Real geodata made with GDAL's own tools (gdal-bin, which test.sh installs): rasters with gdal_create, vectors
/// written as GeoJSON or converted with ogr2ogr; and fake tools (/bin/sh scripts) for the failures GDAL cannot be made to have.
/// </summary>
internal static class GdalFixtures
{
    /// <summary>A GeoTIFF made by <c>gdal_create -of GTiff</c> with the given arguments (size, bands, type, CRS, corners).</summary>
    public static string Raster(string path, params string[] arguments)
    {
        Run("gdal_create", ["-of", "GTiff", .. arguments, path]);
        return path;
    }

    public static string Text(string path, string content)
    {
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An executable /bin/sh script (a fake tool).</summary>
    public static string Script(string path, string body) => ExternalTool.Script(path, body);

    private static void Run(string tool, IReadOnlyList<string> arguments) => ExternalTool.Check(tool, arguments, "gdal-bin");
}
