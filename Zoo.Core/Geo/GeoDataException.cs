namespace Zoo.Core.Geo;

/// <summary>
/// A file could not be read with GDAL: a tool is missing or cannot run (the message names the <c>gdal-bin</c>
/// package), did not finish in time, or answered something that is not what it should. A file GDAL cannot
/// read is not an error: it is <see cref="GeoDataType.Other"/>.
/// </summary>
public sealed class GeoDataException(string message, Exception? inner = null) : Exception(message, inner);
