namespace Zoo.Hpc.Sizing;

/// <summary>
/// The size of an input could not be measured: a GDAL tool is missing or cannot run (the message names the
/// <c>gdal-bin</c> package), did not finish in time, or answered something that is not what it should.
/// A file GDAL cannot read is not an error: it is <see cref="GeoDataType.Other"/>.
/// </summary>
public sealed class InputSizingException(string message, Exception? inner = null) : Exception(message, inner);
