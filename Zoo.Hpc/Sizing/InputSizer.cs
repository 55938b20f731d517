using Zoo.Core.Geo;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// Measures an Execute input (a local file, already fetched) for <see cref="ConfigurationChoice"/> with what
/// <see cref="GeoDataReader"/> reads of it: pixels = width × height of a raster (counted only when the
/// dataset has bands), features = the sum of every layer's count for a vector (ZOO keeps only the last
/// layer's). A file neither tool opens is <see cref="GeoDataType.Other"/>. A TIFF's size is read from its header
/// (<see cref="TiffHeader"/>), without starting GDAL.
/// </summary>
public sealed class InputSizer(GdalTools tools)
{
    private readonly GeoDataReader _reader = new(tools);

    public InputSizer()
        : this(GdalTools.Default)
    {
    }

    /// <summary>What GDAL says about the file at <paramref name="path"/>.</summary>
    /// <param name="mimeType">The input's mime type, or null: it only decides which tool is tried first and whether
    /// the file is a zip archive.</param>
    /// <exception cref="FileNotFoundException">there is no such file.</exception>
    /// <exception cref="GeoDataException">a tool is missing (names gdal-bin), failed to run, did not finish in
    /// time, or gave an answer that cannot be read.</exception>
    public async Task<DatasetSize> MeasureAsync(string path, string? mimeType, CancellationToken cancellationToken = default) =>
        TiffHeader.ReadSize(path) is var (width, height)
            ? DatasetSize.Raster(width * height)
            : DatasetSize.Of(await _reader.ReadAsync(path, mimeType, cancellationToken).ConfigureAwait(false));

    /// <summary>The size of one file of the input <paramref name="inputName"/>, as <see cref="ConfigurationChoice"/> takes it.</summary>
    public async Task<InputSize> SizeAsync(string inputName, string path, string? mimeType, CancellationToken cancellationToken = default) =>
        (await MeasureAsync(path, mimeType, cancellationToken).ConfigureAwait(false)).For(inputName);
}
