using System.Globalization;

namespace Zoo.Core.Geo;

/// <summary>
/// Reads a local file with GDAL's command-line tools: <c>gdalinfo -json</c> for a raster, <c>ogrinfo -ro -so -al</c>
/// for a vector (GDAL 3.6 has no <c>ogrinfo -json</c>). A file neither opens is <see cref="GeoDataType.Other"/>.
/// <para>
/// As in ZOO a raster reading wins over a vector one (a GeoPackage with both is a raster), except that a file
/// whose mime type is a vector format (GeoJSON, GML, KML, zipped shapefile) is tried with <c>ogrinfo</c>
/// first: the answer is the same for single-kind files and a vector costs one GDAL start instead of two. An
/// <c>application/zip</c> file is read through <c>/vsizip/</c>, since a cached file's name does not end in
/// <c>.zip</c>. GDAL's auxiliary files are not written (<c>GDAL_PAM_ENABLED=NO</c>): reading leaves the
/// file's directory as it was.
/// </para>
/// <para>
/// The tools rather than libgdal through P/Invoke (measured on GDAL 3.6.2, AOT): loading libgdal and its hundred
/// libraries dominates either way (80–100 ms per tool call, 65–95 ms for a process that loads libgdal and opens
/// one file), so a tool costs about the same for one file. The tools were chosen: no native code in the
/// kernel's process (a GDAL crash on a hostile file cannot take the CGI with it, and a hang is killed at the
/// timeout), no soname guessing, fake tools in tests. Where the wait matters (an output published before a
/// synchronous answer), <see cref="Prepare"/> starts the tool early so that GDAL loads while the service runs.
/// </para>
/// </summary>
public sealed class GeoDataReader(GdalTools tools)
{
    public GeoDataReader()
        : this(GdalTools.Default)
    {
    }

    public GdalTools Tools { get; } = tools ?? throw new ArgumentNullException(nameof(tools));

    private static readonly string[] Quiet = ["--config", "GDAL_PAM_ENABLED", "NO"];
    private static readonly string[] RasterOptions = ["-json", "-nomd", "-norat", "-noct", "-nofl"];
    private static readonly string[] VectorOptions = ["-ro", "-so", "-al", "-nomd"];

    /// <summary>
    /// Starts, before the file exists, the tool <see cref="ReadAsync"/> will try first for this mime type: GDAL loads
    /// while the service runs (most of a read's time), and the read only gives it the file. Null when the tool
    /// cannot start (the read then says why).
    /// </summary>
    public PendingRead? Prepare(string? mimeType)
    {
        var vector = GeoMimeTypes.IsVector(mimeType);
        try
        {
            return new PendingRead(vector, GdalToolRunner.StartWaiting(vector ? Tools.OgrInfo : Tools.GdalInfo, Quiet));
        }
        catch (GeoDataException)
        {
            return null;
        }
    }

    /// <summary>What GDAL says about the file at <paramref name="path"/>.</summary>
    /// <param name="mimeType">The file's mime type, or null: it only decides which tool is tried first and whether
    /// the file is a zip archive.</param>
    /// <exception cref="FileNotFoundException">there is no such file.</exception>
    /// <exception cref="GeoDataException">a tool is missing (names gdal-bin), failed to run, did not finish in
    /// time, or gave an answer that cannot be read.</exception>
    /// <param name="pending">a tool <see cref="Prepare"/> started for this read, if any; it is used once.</param>
    public async Task<GeoDataset> ReadAsync(string path, string? mimeType, CancellationToken cancellationToken = default,
        PendingRead? pending = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Absolute, so that a file name starting with '-' cannot be taken for an option.
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"The file {fullPath} does not exist, so it cannot be read as geographic data.", fullPath);

        var dataset = DatasetName(fullPath, mimeType);
        var reasons = new List<string>();
        var vectorFirst = GeoMimeTypes.IsVector(mimeType);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var vector = (attempt == 0) == vectorFirst;
            var options = vector ? VectorOptions : RasterOptions;
            using var started = attempt == 0 && pending?.IsVector == vector ? pending.Take() : null;
            var result = started is null ? null
                : await started.CompleteAsync(GdalToolRunner.OptionLine([.. options, dataset]), dataset, Tools.Timeout, cancellationToken)
                    .ConfigureAwait(false);
            // A tool started ahead that failed is asked again the plain way: its failure may be its own (no /dev/stdin).
            if (result is not { ExitCode: 0 })
                result = await GdalToolRunner.RunAsync(vector ? Tools.OgrInfo : Tools.GdalInfo, [.. Quiet, .. options, dataset], Tools.Timeout,
                    cancellationToken).ConfigureAwait(false);
            var read = vector ? Vector(result, reasons) : Raster(result, reasons);
            if (read is not null)
                return read;
        }
        return GeoDataset.NotGeodata(string.Join(" ", reasons));
    }

    /// <summary>
    /// The longitude/latitude box of an extent in a CRS without a code (which MapServer and the URLs cannot name):
    /// its corners and the middles of its sides, transformed by <c>gdaltransform</c>.
    /// </summary>
    /// <exception cref="GeoDataException">the tool is missing, failed or did not finish in time.</exception>
    public async Task<Extent> ToLongitudeLatitudeAsync(Extent extent, Crs crs, CancellationToken cancellationToken = default)
    {
        var (midX, midY) = ((extent.MinX + extent.MaxX) / 2, (extent.MinY + extent.MaxY) / 2);
        var points = new[]
        {
            (extent.MinX, extent.MinY), (extent.MaxX, extent.MinY), (extent.MaxX, extent.MaxY), (extent.MinX, extent.MaxY),
            (midX, extent.MinY), (extent.MaxX, midY), (midX, extent.MaxY), (extent.MinX, midY),
        };
        var input = string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1:R} {p.Item2:R}\n")));
        var result = await GdalToolRunner.RunAsync(Tools.GdalTransform, ["-s_srs", crs.Wkt, "-t_srs", "EPSG:4326", "-output_xy"],
            Tools.Timeout, cancellationToken, input).ConfigureAwait(false);
        var transformed = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2)
            .Select(parts => (X: Parse(parts[0]), Y: Parse(parts[1])))
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .ToList();
        if (result.ExitCode != 0 || transformed.Count != points.Length)
            throw new GeoDataException($"gdaltransform could not bring the data's extent to longitude/latitude: {Complaint(result)}");
        return new Extent(transformed.Min(p => p.X), transformed.Min(p => p.Y), transformed.Max(p => p.X), transformed.Max(p => p.Y));
    }

    private static double Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>The name GDAL opens the file by: the path, or its /vsizip/ form for a zip archive.</summary>
    public static string DatasetName(string fullPath, string? mimeType)
    {
        if (!GeoMimeTypes.IsZip(mimeType))
            return fullPath;
        // /vsizip/{archive} opens an archive whatever its name ends with (ZOO's cache files end in .zca).
        return fullPath.Contains('}') ? "/vsizip/" + fullPath : "/vsizip/{" + fullPath + "}";
    }

    private static GeoDataset? Raster(GdalToolRunner.Result result, List<string> reasons)
    {
        if (result.ExitCode != 0)
        {
            reasons.Add($"gdalinfo: {Complaint(result)}");
            return null;
        }
        RasterInfo raster;
        try
        {
            raster = GdalInfoJson.Parse(result.StandardOutput);
        }
        catch (GeoDataException)
        {
            throw new GeoDataException(
                $"{result.Executable} succeeded but its answer is not gdalinfo's JSON with a size. {GdalToolRunner.Shorten(result.StandardError.Trim())}".TrimEnd());
        }
        if (raster.BandTypes.Count == 0)
        {
            // GDAL may give a dataset without bands a size (512x512 for a vector opened as a raster too): no pixels.
            reasons.Add("gdalinfo: no raster band.");
            return null;
        }
        return GeoDataset.OfRaster(raster);
    }

    private static GeoDataset? Vector(GdalToolRunner.Result result, List<string> reasons)
    {
        if (result.ExitCode != 0)
        {
            reasons.Add($"ogrinfo: {Complaint(result)}");
            return null;
        }
        var layers = OgrInfoText.Parse(result.StandardOutput);
        if (layers.Count == 0)
        {
            reasons.Add("ogrinfo: no vector layer.");
            return null;
        }
        return GeoDataset.OfVector(layers);
    }

    /// <summary>The gist of a failed tool's output: its first ERROR line, else the first lines that are not the driver list.</summary>
    private static string Complaint(GdalToolRunner.Result result)
    {
        var lines = (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.FirstOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.StartsWith("Unable to open", StringComparison.Ordinal))
            ?? string.Join(" ", lines.Where(l => !l.StartsWith("->", StringComparison.Ordinal)).Take(3));
        return GdalToolRunner.Shorten(error.Length > 0 ? error : $"exit code {result.ExitCode}.", 300);
    }
}
