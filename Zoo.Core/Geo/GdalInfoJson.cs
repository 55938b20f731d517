using System.Text.Json;

namespace Zoo.Core.Geo;

/// <summary>
/// Reads <c>gdalinfo -json</c>: <c>size</c>, each band's <c>type</c>, the CRS's <c>wkt</c>, and the extent the
/// <c>geoTransform</c> gives when it is north-up (a rotated or absent one gives none, as in ZOO).
/// </summary>
public static class GdalInfoJson
{
    /// <exception cref="GeoDataException">the text is not gdalinfo's JSON with a size.</exception>
    public static RasterInfo Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Array && size.GetArrayLength() == 2
                && size[0].ValueKind == JsonValueKind.Number && size[1].ValueKind == JsonValueKind.Number
                && size[0].TryGetInt64(out var width) && size[1].TryGetInt64(out var height) && width >= 0 && height >= 0)
                return new RasterInfo(width, height, BandTypes(root), Extent(root, width, height), Crs(root), Wgs84Extent(root));
        }
        catch (JsonException)
        {
        }
        throw new GeoDataException("gdalinfo succeeded but its answer is not gdalinfo's JSON with a size.");
    }

    private static List<string> BandTypes(JsonElement root)
    {
        var types = new List<string>();
        if (root.TryGetProperty("bands", out var bands) && bands.ValueKind == JsonValueKind.Array)
        {
            foreach (var band in bands.EnumerateArray())
                types.Add(band.ValueKind == JsonValueKind.Object && band.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                    ? type.GetString()!
                    : "Unknown");
        }
        return types;
    }

    private static Extent? Extent(JsonElement root, long width, long height)
    {
        if (!root.TryGetProperty("geoTransform", out var transform) || transform.ValueKind != JsonValueKind.Array
            || transform.GetArrayLength() != 6 || transform.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            return null;
        var gt = transform.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        if (gt[2] != 0 || gt[4] != 0 || gt[1] == 0 || gt[5] == 0)
            return null;
        var (x0, x1) = (gt[0], gt[0] + gt[1] * width);
        var (y0, y1) = (gt[3], gt[3] + gt[5] * height);
        var extent = new Extent(Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1), Math.Max(y0, y1));
        return double.IsFinite(extent.MinX) && double.IsFinite(extent.MaxX) && double.IsFinite(extent.MinY) && double.IsFinite(extent.MaxY)
            ? extent
            : null;
    }

    /// <summary>The box around <c>wgs84Extent</c>, the GeoJSON polygon of the raster's corners in longitude/latitude.</summary>
    private static Extent? Wgs84Extent(JsonElement root)
    {
        if (!root.TryGetProperty("wgs84Extent", out var polygon) || polygon.ValueKind != JsonValueKind.Object
            || !polygon.TryGetProperty("coordinates", out var rings) || rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0
            || rings[0].ValueKind != JsonValueKind.Array)
            return null;
        var points = rings[0].EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() >= 2
                        && p[0].ValueKind == JsonValueKind.Number && p[1].ValueKind == JsonValueKind.Number)
            .Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble()))
            .ToList();
        return points.Count == 0
            ? null
            : new Extent(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
    }

    private static Crs? Crs(JsonElement root) =>
        root.TryGetProperty("coordinateSystem", out var system) && system.ValueKind == JsonValueKind.Object
        && system.TryGetProperty("wkt", out var wkt) && wkt.ValueKind == JsonValueKind.String
            ? WktCrs.Read(wkt.GetString())
            : null;
}
