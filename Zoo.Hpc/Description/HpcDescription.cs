using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Geo;

namespace Zoo.Hpc.Description;

/// <summary>
/// An HPC service as clients see it (spec/hpc.md §6.1): only asynchronous (jobControlOptions
/// <c>async-execute dismiss</c> unless its .zcfg says otherwise), and, unless the operator turns them off
/// (<c>nested_outputs=false</c> in its confId section), inner outputs for each output with a mime type:
/// <c>download_link</c> (the file, by reference), and when its default format has <c>useMapserver=true</c>
/// on a geographic type, <c>wms_link</c> and <c>wcs_link</c> (raster) or <c>wfs_link</c> (vector), with
/// ZOO's titles and abstracts. Each link's format is what its URL answers with (ZOO copies the output's).
/// </summary>
public static class HpcDescription
{
    public const string NestedOutputsKey = "nested_outputs";
    private const string AsyncOnly = "async-execute dismiss";

    public static ProcessDescription Present(ProcessDescription process, bool nestedOutputs)
    {
        var keys = process.Keys.Contains("jobControlOptions")
            ? process.Keys
            : new ConfigValues(process.Keys.Append(new("jobControlOptions", AsyncOnly)));
        var outputs = nestedOutputs ? process.Outputs.Select(WithInnerOutputs).ToList() : process.Outputs;
        return process with { Keys = keys, Outputs = outputs };
    }

    private static IoDescription WithInnerOutputs(IoDescription output)
    {
        if (output.Data is not { Kind: DataKind.Complex, Default: { } format } data || format["mimeType"] is not { Length: > 0 } mimeType)
            return output;
        var inner = new List<IoDescription>
        {
            Inner("download_link", "Download link", "The download link", data,
                new ConfigValues(format.Where(p => !p.Key.Equals("useMapserver", StringComparison.OrdinalIgnoreCase))
                    .Append(new("useMapserver", "false")))),
        };
        if (format.IsTrue("useMapserver") && GeoMimeTypes.ZooKind(mimeType) is { } kind)
        {
            inner.Add(Inner("wms_link", "WMS link", "The WMS link", data, Published(format, "image/png", "WMS")));
            inner.Add(kind == GeoDataType.Raster
                ? Inner("wcs_link", "WCS link", "The WCS link", data, Published(format, "image/tiff", "WCS"))
                : Inner("wfs_link", "WFS link", "The WFS link", data, Published(format, "text/xml", "WFS")));
        }
        return output with { Nested = inner };
    }

    private static IoDescription Inner(string name, string title, string @abstract, DataDescription parent, ConfigValues format) =>
        new(name, new ConfigValues([new("Title", title), new("Abstract", @abstract)]), [], [],
            new DataDescription(DataKind.Complex, parent.Tag, format, []), []);

    /// <summary>A link's format: what its service answers with, and the output's MapServer keys (msStyle, msLayer...).</summary>
    private static ConfigValues Published(ConfigValues format, string mimeType, string service) =>
        new(format.Where(p => p.Key.StartsWith("ms", StringComparison.OrdinalIgnoreCase))
            .Append(new("mimeType", mimeType))
            .Append(new("useMapserver", "true"))
            .Append(new("msOgc", service)));
}
