using Zoo.Core.Geo;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// What GDAL says about one input file: raster pixels (width × height, bands not counted, only when the
/// dataset has bands), vector features (summed over every layer), or neither.
/// </summary>
/// <param name="Kind">Raster when GDAL opened it as a raster with at least one band; otherwise Vector when OGR
/// opened it with at least one layer; otherwise Other.</param>
/// <param name="Pixels">Width × height of a raster; 0 otherwise.</param>
/// <param name="Features">The sum of the layers' feature counts of a vector; 0 otherwise.</param>
/// <param name="Reason">Why the file is Other: what GDAL said (for the job's log); null for geodata.</param>
public sealed record DatasetSize(GeoDataType Kind, long Pixels, long Features, string? Reason = null)
{
    public static DatasetSize Raster(long pixels) => new(GeoDataType.Raster, pixels, 0);

    public static DatasetSize Vector(long features) => new(GeoDataType.Vector, 0, features);

    public static DatasetSize NotGeodata(string reason) => new(GeoDataType.Other, 0, 0, reason);

    public static DatasetSize Of(GeoDataset dataset) => dataset.Kind switch
    {
        GeoDataType.Raster => Raster(dataset.Raster!.Pixels),
        GeoDataType.Vector => Vector(dataset.Features),
        _ => NotGeodata(dataset.Reason ?? ""),
    };

    /// <summary>The number <see cref="ConfigurationChoice"/> compares with the threshold of its kind.</summary>
    public long Count => Kind switch
    {
        GeoDataType.Raster => Pixels,
        GeoDataType.Vector => Features,
        _ => 0,
    };

    /// <summary>This file's size as one of <paramref name="inputName"/>'s sizes.</summary>
    public InputSize For(string inputName) => new(inputName, Kind, Count);
}
