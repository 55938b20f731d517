namespace Zoo.Hpc.Sizing;

/// <summary>ZOO's <c>geodatatype</c>: what GDAL/OGR recognised an input as.</summary>
public enum GeoDataType
{
    Raster,
    Vector,

    /// <summary>Neither: the input does not count toward the choice.</summary>
    Other,
}
