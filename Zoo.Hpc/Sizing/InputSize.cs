using Zoo.Core.Geo;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// The size of one file of one complex input: pixels (width × height, bands not counted) of a raster,
/// features of a vector layer, nothing for other data. A multi-valued input gives one per file.
/// </summary>
public sealed record InputSize(string InputName, GeoDataType Kind, long Count);
