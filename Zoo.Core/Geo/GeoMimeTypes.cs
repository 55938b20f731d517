namespace Zoo.Core.Geo;

/// <summary>
/// What a mime type says of geographic data: ZOO's lists of raster and vector formats (mimetypes.h's
/// isGeographic, a prefix match), and the other vector and zip types GDAL reads.
/// </summary>
public static class GeoMimeTypes
{
    private static readonly string[] ZooRaster = ["image/tiff", "image/png", "image/jpeg", "application/vnd.google-earth.kmz"];

    private static readonly string[] ZooVector =
        ["text/xml", "application/json", "application/gml+xml", "application/zip", "application/vnd.google-earth.kml+xml"];

    /// <summary>ZOO's isGeographic: 1 for a raster format, 2 for a vector one, null for anything else.</summary>
    public static GeoDataType? ZooKind(string? mimeType)
    {
        var type = (mimeType ?? "").Trim();
        if (ZooRaster.Any(prefix => type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            return GeoDataType.Raster;
        if (ZooVector.Any(prefix => type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            return GeoDataType.Vector;
        return null;
    }

    public static bool IsZip(string? mimeType) =>
        BaseType(mimeType) is "application/zip" or "application/x-zip-compressed" or "application/x-zipped-shp";

    /// <summary>A type that names vector data: read with ogrinfo first.</summary>
    public static bool IsVector(string? mimeType) =>
        IsZip(mimeType) || BaseType(mimeType) is "application/json" or "application/geo+json" or "application/vnd.geo+json"
            or "text/xml" or "application/xml" or "application/gml+xml" or "text/gml"
            or "application/vnd.google-earth.kml+xml" or "text/csv" or "application/x-esri-shape";

    private static string BaseType(string? mimeType) =>
        (mimeType ?? "").Split(';')[0].Trim().ToLowerInvariant();
}
