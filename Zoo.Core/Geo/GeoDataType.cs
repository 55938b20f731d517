namespace Zoo.Core.Geo;

/// <summary>ZOO's <c>geodatatype</c>: what GDAL/OGR recognised a file as.</summary>
public enum GeoDataType
{
    Raster,
    Vector,

    /// <summary>Neither: not geographic data GDAL can read.</summary>
    Other,
}
