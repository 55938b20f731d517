using System.Globalization;
using System.Text.Json;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// Measures an Execute input (a local file, already fetched) for <see cref="ConfigurationChoice"/> with
/// GDAL's command-line tools: <c>gdalinfo -json</c> for a raster (pixels = width × height, counted only when
/// the dataset has bands) and <c>ogrinfo -ro -so -al</c> for a vector (features = the sum of every layer's
/// <c>Feature Count</c>; ZOO keeps only the last layer's). A file neither opens is <see cref="GeoDataType.Other"/>.
/// <para>
/// As in ZOO a raster reading wins over a vector one (a GeoPackage with both is a raster), except that an
/// input whose mime type is a vector format (GeoJSON, GML, KML, zipped shapefile) is tried with
/// <c>ogrinfo</c> first: the answer is the same for single-kind files and a vector costs one GDAL start
/// instead of two. An <c>application/zip</c> input is read through <c>/vsizip/</c>, since a fetched input's
/// cache file name does not end in <c>.zip</c>.
/// </para>
/// <para>
/// The tools rather than libgdal through P/Invoke (measured on GDAL 3.6.2, AOT): one file costs about the same
/// either way, since GDAL's driver registration dominates (80–100 ms per tool call, 65–95 ms for a process that
/// registers libgdal and opens one file); libgdal pays the registration once per process and then 1–17 ms per
/// file, so several inputs cost less with it (r.tif + v.gpkg: 113 ms against 272 ms). The tools were chosen
/// anyway: no native code in the kernel's process (a GDAL crash on a hostile file cannot take the CGI with it,
/// and a hang is killed at the timeout), no soname guessing, fake tools in tests.
/// GDAL 3.6 has no <c>ogrinfo -json</c>, so the <c>Feature Count: N</c> lines are parsed.
/// </para>
/// </summary>
public sealed class InputSizer(GdalTools tools)
{
    public InputSizer()
        : this(GdalTools.Default)
    {
    }

    public GdalTools Tools { get; } = tools ?? throw new ArgumentNullException(nameof(tools));

    /// <summary>What GDAL says about the file at <paramref name="path"/>.</summary>
    /// <param name="mimeType">The input's mime type, or null: it only decides which tool is tried first and whether
    /// the file is a zip archive.</param>
    /// <exception cref="FileNotFoundException">there is no such file.</exception>
    /// <exception cref="InputSizingException">a tool is missing (names gdal-bin), failed to run, did not finish in
    /// time, or gave an answer that cannot be read.</exception>
    public async Task<DatasetSize> MeasureAsync(string path, string? mimeType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Absolute, so that a file name starting with '-' cannot be taken for an option.
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"The input file {fullPath} does not exist, so its size cannot be measured.", fullPath);

        var dataset = DatasetName(fullPath, mimeType);
        var reasons = new List<string>();
        var vectorFirst = IsVectorMimeType(mimeType);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var size = (attempt == 0) == vectorFirst
                ? await VectorAsync(dataset, reasons, cancellationToken).ConfigureAwait(false)
                : await RasterAsync(dataset, reasons, cancellationToken).ConfigureAwait(false);
            if (size is not null)
                return size;
        }
        return DatasetSize.NotGeodata(string.Join(" ", reasons));
    }

    /// <summary>The size of one file of the input <paramref name="inputName"/>, as <see cref="ConfigurationChoice"/> takes it.</summary>
    public async Task<InputSize> SizeAsync(string inputName, string path, string? mimeType, CancellationToken cancellationToken = default) =>
        (await MeasureAsync(path, mimeType, cancellationToken).ConfigureAwait(false)).For(inputName);

    private async Task<DatasetSize?> RasterAsync(string dataset, List<string> reasons, CancellationToken cancellationToken)
    {
        var result = await GdalToolRunner.RunAsync(Tools.GdalInfo, ["-json", "-nomd", "-norat", "-noct", "-nofl", dataset],
            Tools.Timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            reasons.Add($"gdalinfo: {Complaint(result)}");
            return null;
        }
        var (width, height, bands) = ParseGdalInfo(result);
        if (bands == 0)
        {
            // GDAL may give a dataset without bands a size (512x512 for a vector opened as a raster too): no pixels.
            reasons.Add("gdalinfo: no raster band.");
            return null;
        }
        return DatasetSize.Raster(checked(width * height));
    }

    private async Task<DatasetSize?> VectorAsync(string dataset, List<string> reasons, CancellationToken cancellationToken)
    {
        var result = await GdalToolRunner.RunAsync(Tools.OgrInfo, ["-ro", "-so", "-al", "-nomd", dataset],
            Tools.Timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            reasons.Add($"ogrinfo: {Complaint(result)}");
            return null;
        }
        var (layers, features) = ParseOgrInfo(result.StandardOutput);
        if (layers == 0)
        {
            reasons.Add("ogrinfo: no vector layer.");
            return null;
        }
        return DatasetSize.Vector(features);
    }

    /// <summary><c>size: [width, height]</c> and the number of <c>bands</c> of <c>gdalinfo -json</c>.</summary>
    internal static (long Width, long Height, int Bands) ParseGdalInfo(GdalToolRunner.Result result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.StandardOutput);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Array && size.GetArrayLength() == 2
                && size[0].TryGetInt64(out var width) && size[1].TryGetInt64(out var height) && width >= 0 && height >= 0)
            {
                var bands = root.TryGetProperty("bands", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
                return (width, height, bands);
            }
        }
        catch (JsonException)
        {
        }
        throw new InputSizingException(
            $"{result.Executable} succeeded but its answer is not gdalinfo's JSON with a size. {GdalToolRunner.Shorten(result.StandardError.Trim())}".TrimEnd());
    }

    /// <summary>The layers (<c>Layer name:</c> lines) and the sum of their <c>Feature Count: N</c> lines (an unknown count, -1, adds nothing).</summary>
    internal static (int Layers, long Features) ParseOgrInfo(string output)
    {
        var layers = 0;
        long features = 0;
        foreach (var line in output.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.StartsWith("Layer name: ", StringComparison.Ordinal))
                layers++;
            // A field named "Feature Count" prints as "Feature Count: Integer (0.0)": only a number counts.
            else if (text.StartsWith("Feature Count: ", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan("Feature Count: ".Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
                && count > 0)
                features = checked(features + count);
        }
        return (layers, features);
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

    private static string DatasetName(string fullPath, string? mimeType)
    {
        if (!IsZip(mimeType))
            return fullPath;
        // /vsizip/{archive} opens an archive whatever its name ends with (ZOO's cache files end in .zca).
        return fullPath.Contains('}') ? "/vsizip/" + fullPath : "/vsizip/{" + fullPath + "}";
    }

    private static string BaseType(string? mimeType) =>
        (mimeType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    private static bool IsZip(string? mimeType) =>
        BaseType(mimeType) is "application/zip" or "application/x-zip-compressed" or "application/x-zipped-shp";

    private static bool IsVectorMimeType(string? mimeType) =>
        IsZip(mimeType) || BaseType(mimeType) is "application/json" or "application/geo+json" or "application/vnd.geo+json"
            or "text/xml" or "application/xml" or "application/gml+xml" or "text/gml"
            or "application/vnd.google-earth.kml+xml" or "text/csv" or "application/x-esri-shape";
}
