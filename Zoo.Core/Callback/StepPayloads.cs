using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Core.Execution;
using Zoo.Core.Geo;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;

namespace Zoo.Core.Callback;

/// <summary>The keys each step sends besides <c>jobid</c> and <c>datetime</c>, named as ZOO names them (spec/hpc.md §7).</summary>
public static class StepPayloads
{
    /// <summary>Step 0: the job's Execute request (null when it could not be written) and its service.</summary>
    public static JsonObject Analyze(string? requestExecuteContent, string processIdentifier) => new()
    {
        ["request_execute_content"] = requestExecuteContent,
        ["process_identifier"] = processIdentifier,
    };

    /// <summary>
    /// Step 1 ended: every input given by reference, or published, one object per value (an array for several):
    /// <c>ref_download_link</c>, <c>cachefile</c>, <c>mimetype</c>, <c>size</c>, <c>dataOrigin</c>,
    /// <c>creation_date</c>, and for a published value <c>ref_wms_link</c>, <c>ref_wcs_link</c> or
    /// <c>ref_wfs_link</c>, <c>datatype</c> and <c>boundingbox</c>.
    /// </summary>
    /// <param name="published">the inputs' values published through MapServer, by name and position.</param>
    /// <param name="executeRequest">the Execute request with its published values turned into references, when any was.</param>
    public static JsonObject FetchedInputs(ZooMaps inputs, IReadOnlyDictionary<(string Name, int Index), Publication> published,
        string? executeRequest)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(published);
        var all = new JsonObject();
        foreach (var (name, map) in inputs)
        {
            var values = new List<JsonObject>();
            var count = map.Text("isArray") == "true" && int.TryParse(map.Text("length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? length
                : 1;
            for (var index = 0; index < count; index++)
            {
                var value = new InputOccurrence(map, index);
                published.TryGetValue((name, index), out var publication);
                if (value["xlink:href"] is null && publication is null)
                    continue;
                values.Add(Input(value, publication));
            }
            if (values.Count == 1)
                all[name] = values[0];
            else if (values.Count > 1)
                all[name] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
        }
        var payload = new JsonObject { ["inputs"] = all };
        if (executeRequest is not null)
            payload["request_execute_content"] = executeRequest;
        return payload;
    }

    /// <summary>
    /// Step 5 ended: each output with its references (<c>ref</c>, <c>ref_download_link</c>, <c>ref_wms_link</c>,
    /// <c>ref_wcs_link</c>, <c>ref_wfs_link</c>, inner outputs folded in), its file (<c>cachefile</c>,
    /// <c>creation_date</c>), <c>mimetype</c>, <c>size</c>, and for a published one <c>datatype</c> and <c>boundingbox</c>.
    /// </summary>
    public static JsonObject Outputs(IReadOnlyList<ProducedOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var all = new JsonObject();
        foreach (var output in outputs)
        {
            var entry = new JsonObject();
            foreach (var part in output.Inner.Count > 0 ? output.Inner : [output])
            {
                if (part.ReferenceUrl is not { } url)
                    continue;
                if (output.Inner.Count == 0)
                    entry["ref"] = url;
                entry[LinkKey(part)] = url;
                if (part.Publication is { } publication)
                    AddGeography(entry, publication);
            }
            AddFile(entry, output.Map.Text("generated_file"), output.Map.Text("mimeType") ?? output.Inner.FirstOrDefault()?.Map.Text("mimeType"),
                output.Map.Text("size"));
            all[output.Name] = entry;
        }
        return new JsonObject { ["outputs"] = all };
    }

    /// <summary>Step 6: what the runner reported (an HPC job's accounting and billing), and that the job succeeded.</summary>
    public static JsonObject Finalize(IEnumerable<KeyValuePair<string, string>> facts)
    {
        var payload = new JsonObject();
        foreach (var (key, value) in facts)
            payload[key] = value;
        payload["wps_status"] = "succeeded";
        return payload;
    }

    /// <summary>Step 7: the job failed (state 0) or was dismissed (state 1), with its message.</summary>
    public static JsonObject Ended(string message, bool dismissed) => new()
    {
        ["message"] = message,
        ["wps_status"] = dismissed ? "dismissed" : "failed",
    };

    private static JsonObject Input(InputOccurrence value, Publication? publication)
    {
        var entry = new JsonObject();
        if (value["xlink:href"] is { } href)
            entry["ref_download_link"] = href;
        AddFile(entry, value["cache_file"], value["fmimeType"] ?? value["mimeType"], value["size"]);
        if (value["origin"] is { } origin)
            entry["dataOrigin"] = origin;
        if (publication is not null)
        {
            entry[LinkKey(publication.Kind == GeoDataType.Raster ? OgcService.Wcs : OgcService.Wfs)] =
                publication.Url(publication.Kind == GeoDataType.Raster ? OgcService.Wcs : OgcService.Wfs);
            entry[LinkKey(OgcService.Wms)] = publication.Url(OgcService.Wms);
            AddGeography(entry, publication);
        }
        return entry;
    }

    private static void AddFile(JsonObject entry, string? file, string? mimeType, string? size)
    {
        if (file is not null)
        {
            entry["cachefile"] = file;
            if (File.Exists(file))
            {
                // ZOO's format of the file's modification time (in UTC here, as every time this kernel sends).
                entry["creation_date"] = File.GetLastWriteTimeUtc(file).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);
                size ??= new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture);
            }
        }
        if (mimeType is not null)
            entry["mimetype"] = mimeType;
        if (size is not null)
            entry["size"] = size;
    }

    private static void AddGeography(JsonObject entry, Publication publication)
    {
        entry["datatype"] = publication.Kind == GeoDataType.Raster ? "raster" : "vector";
        // ZOO's wgs84_extent: only known here when the data is in longitude/latitude.
        if (publication.Crs.Equals("EPSG:4326", StringComparison.OrdinalIgnoreCase))
        {
            var e = publication.Extent;
            entry["boundingbox"] = string.Join(',', new[] { e.MinX, e.MinY, e.MaxX, e.MaxY }.Select(MapfileText.Number));
        }
    }

    private static string LinkKey(ProducedOutput part) =>
        part.Service is { } service ? LinkKey(service) : "ref_download_link";

    private static string LinkKey(OgcService service) => "ref_" + service.ToString().ToLowerInvariant() + "_link";

    /// <summary>One value of an input map: list keys hold one item per value, the other keys of later values are <c>key_n</c>.</summary>
    private readonly struct InputOccurrence(ZooMap map, int index)
    {
        public string? this[string key] => map[key] switch
        {
            ListValue list => index < list.Items.Count && list.Items[index] is TextValue item ? item.Text : null,
            _ when index > 0 => map.Text(key + "_" + index.ToString(CultureInfo.InvariantCulture)),
            TextValue text => text.Text,
            _ => null,
        };
    }
}
