namespace Zoo.Core.Geo;

/// <summary>What GDAL says about one file: a raster, vector layers, or neither (with why).</summary>
public sealed record GeoDataset(GeoDataType Kind, RasterInfo? Raster, IReadOnlyList<VectorLayer> Layers, string? Reason = null)
{
    public static GeoDataset OfRaster(RasterInfo raster) => new(GeoDataType.Raster, raster, []);

    public static GeoDataset OfVector(IReadOnlyList<VectorLayer> layers) => new(GeoDataType.Vector, null, layers);

    public static GeoDataset NotGeodata(string reason) => new(GeoDataType.Other, null, [], reason);

    /// <summary>The features of every layer (an unknown count adds nothing).</summary>
    public long Features => Layers.Sum(l => Math.Max(0, l.FeatureCount));
}

/// <summary>
/// A raster: its size in pixels, the GDAL type of each band, its extent (null without a north-up geotransform) and
/// CRS, and the longitude/latitude box GDAL gives of it when it has both.
/// </summary>
public sealed record RasterInfo(long Width, long Height, IReadOnlyList<string> BandTypes, Extent? Extent, Crs? Crs, Extent? Wgs84Extent = null)
{
    public long Pixels => BandTypes.Count == 0 ? 0 : checked(Width * Height);
}

/// <summary>One vector layer, as <c>ogrinfo -so</c> describes it.</summary>
/// <param name="GeometryType">OGR's name of it: Point, Multi Polygon, 3D Line String, Unknown (any)...</param>
/// <param name="FeatureCount">-1 when the driver cannot tell without reading every feature.</param>
/// <param name="IdField">The FID column, else the first attribute field; null when the layer has neither.</param>
public sealed record VectorLayer(string Name, string GeometryType, long FeatureCount, Extent? Extent, Crs? Crs, string? IdField);

/// <summary>A bounding box in a CRS's own axis units, x (easting or longitude) first.</summary>
public sealed record Extent(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;

    public double Height => MaxY - MinY;

    /// <summary>This box with <paramref name="fraction"/> of its width and height added on each side.</summary>
    public Extent Grown(double fraction) =>
        new(MinX - Width * fraction, MinY - Height * fraction, MaxX + Width * fraction, MaxY + Height * fraction);
}

/// <summary>
/// A coordinate reference system as the kernel uses it: its authority code (<c>EPSG:32631</c>) when GDAL names
/// one, whether it is geographic (latitude/longitude), and its WKT (for a CRS without a code).
/// </summary>
public sealed record Crs(string? Code, bool IsGeographic, string Wkt)
{
    /// <summary>The EPSG code MapServer and the URLs use, or null when the CRS has none.</summary>
    public string? EpsgCode => Code?.StartsWith("EPSG:", StringComparison.Ordinal) == true ? Code : null;
}
