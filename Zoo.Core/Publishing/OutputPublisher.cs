using Zoo.Core.Data;
using Zoo.Core.Files;
using Zoo.Core.Geo;

namespace Zoo.Core.Publishing;

/// <summary>
/// Publishes an element through MapServer (ZOO's setReferenceUrl and outputMapfile): reads its data with GDAL,
/// refuses data that is not geographic or holds no pixel or feature (ZOO's messages), writes its mapfile into
/// dataPath (atomically, so MapServer never reads half of one) and adds it to the data's <c>.maps</c> list.
/// </summary>
public sealed class OutputPublisher(MapServerSettings settings, GeoDataReader reader)
{
    public const string NotGeographic = "The ZOO-Kernel was able to retrieve the data but could not read it as geographic data.";

    // ZOO's text says "in te resulting file".
    public const string NothingInside = "The ZOO-Kernel was able to retrieve the data but could not access any feature or pixel in the resulting file.";

    /// <summary>Writes the data of an element that has no file of its own into dataPath (ZOO's ZOO_DATA file), and returns its path.</summary>
    /// <exception cref="PublicationException">main.cfg lacks what publication needs, or the file cannot be written.</exception>
    public string StoreData(string name, string jobId, string? mimeType, byte[] content)
    {
        var (_, dataPath) = Required();
        var path = PublishedFiles.DataFile(dataPath, name, 0, jobId, MimeTypes.ExtensionFor(mimeType));
        try
        {
            Directory.CreateDirectory(dataPath);
            AtomicFile.Write(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PublicationException($"Unable to write the file on disk! {path}: {e.Message}");
        }
        return path;
    }

    /// <exception cref="PublicationException">main.cfg lacks what publication needs, or the data is not a map.</exception>
    /// <param name="pending">the tool started for this element's read (<see cref="PublicationReads"/>), if any.</param>
    public async Task<Publication> PublishAsync(PublishedElement element, CancellationToken cancellationToken, PendingRead? pending = null)
    {
        var (address, dataPath) = Required();
        var data = await ReadAsync(element, pending, cancellationToken).ConfigureAwait(false);
        var native = NativeExtent(element, data);
        var nativeCrs = data.Raster?.Crs ?? data.Layers.Select(l => l.Crs).FirstOrDefault(c => c is not null);
        var (crs, geographic, extent) = nativeCrs?.EpsgCode is { } code
            ? (code, nativeCrs.IsGeographic, native)
            : ("EPSG:4326", true, await LongitudeLatitudeAsync(data, native, nativeCrs, cancellationToken).ConfigureAwait(false));
        extent = WithArea(extent, geographic);

        var mapfile = PublishedFiles.Mapfile(dataPath, element);
        var dataset = GeoDataReader.DatasetName(Path.GetFullPath(element.DataFile), element.DataMimeType);
        var text = MapfileWriter.Write(element, data, settings, mapfile, dataset, crs, geographic, extent);
        try
        {
            Directory.CreateDirectory(dataPath);
            AtomicFile.Write(mapfile, text);
            using var list = SafeFile.OpenAppend(PublishedFiles.MapList(element.DataFile), SafeFile.Public);
            list.Write(System.Text.Encoding.UTF8.GetBytes(mapfile + "\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PublicationException($"Unable to write the mapfile {mapfile}: {e.Message}");
        }
        return new Publication(address, mapfile, element.Name, data.Kind, crs, extent, geographic,
            element.WfsVersion ?? settings.WfsVersion);
    }

    private (string Address, string DataPath) Required() =>
        (settings.Address ?? throw new PublicationException("Unable to find any mapserverAddress defined in the main.cfg file"),
            settings.DataPath ?? throw new PublicationException(
                "Unable to find any dataPath defined in the main.cfg file: the mapfiles of the outputs published through MapServer are written there"));

    private async Task<GeoDataset> ReadAsync(PublishedElement element, PendingRead? pending, CancellationToken cancellationToken)
    {
        GeoDataset data;
        try
        {
            data = await reader.ReadAsync(element.DataFile, element.DataMimeType, cancellationToken, pending).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new PublicationException(NotGeographic, "NoApplicableCode");
        }
        catch (GeoDataException e)
        {
            throw new PublicationException($"Unable to read {element.Name} as geographic data: {e.Message}");
        }
        if (data.Kind == GeoDataType.Other)
            throw new PublicationException(NotGeographic, "NoApplicableCode");
        // A layer that cannot count its features without reading them all (-1) may hold some.
        var empty = data.Kind == GeoDataType.Raster ? data.Raster!.Pixels == 0 : data.Layers.All(l => l.FeatureCount == 0);
        if (empty)
            throw new PublicationException(NothingInside, "NoApplicableCode");
        return data;
    }

    private static Extent NativeExtent(PublishedElement element, GeoDataset data)
    {
        var extents = data.Raster is { } raster
            ? [raster.Extent]
            : data.Layers.Select(l => l.Extent).ToList();
        var known = extents.OfType<Extent>().ToList();
        if (known.Count == 0)
            throw new PublicationException($"Unable to create the mapfile for {element.Name} because of missing values.");
        return new Extent(known.Min(e => e.MinX), known.Min(e => e.MinY), known.Max(e => e.MaxX), known.Max(e => e.MaxY));
    }

    /// <summary>MapServer and the URLs name a CRS by its EPSG code: data in another goes out in longitude/latitude (as in ZOO).</summary>
    private async Task<Extent> LongitudeLatitudeAsync(GeoDataset data, Extent native, Crs? crs, CancellationToken cancellationToken)
    {
        if (data.Raster?.Wgs84Extent is { } box)
            return box;
        if (crs is null)
            return native;
        try
        {
            return await reader.ToLongitudeLatitudeAsync(native, crs, cancellationToken).ConfigureAwait(false);
        }
        catch (GeoDataException e)
        {
            throw new PublicationException(e.Message);
        }
    }

    /// <summary>A single point or a straight line has no area, and MapServer refuses such an extent: it is widened a little.</summary>
    private static Extent WithArea(Extent extent, bool geographic)
    {
        var unit = geographic ? 0.001 : 1.0;
        var (padX, padY) = (extent.Width > 0 ? 0 : Math.Max(extent.Height * 0.01, unit), extent.Height > 0 ? 0 : Math.Max(extent.Width * 0.01, unit));
        return padX == 0 && padY == 0
            ? extent
            : new Extent(extent.MinX - padX, extent.MinY - padY, extent.MaxX + padX, extent.MaxY + padY);
    }
}
