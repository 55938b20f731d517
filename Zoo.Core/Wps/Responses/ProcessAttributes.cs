using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Wps.Responses;

/// <summary>The per-process attributes ZOO derives from a .zcfg header, with its defaults.</summary>
public static class ProcessAttributes
{
    public static string Version10(ProcessDescription process) => process.Keys.Get("processVersion", "1");

    /// <summary>WPS 2.0 wants a three-part version: ZOO appends ".0.0" to one shorter than five characters.</summary>
    public static string Version20(ProcessDescription process)
    {
        var version = Version10(process);
        return version.Length < 5 ? version + ".0.0" : version;
    }

    /// <summary>The .zcfg's jobControlOptions (which a runner may set: HPC services only run asynchronously), else every mode.</summary>
    public static string JobControlOptions(ProcessDescription process) =>
        process.Keys["jobControlOptions"] ?? "sync-execute async-execute dismiss";

    /// <summary>DescribeProcess lets a .zcfg <c>mode</c> (sync or async) decide the only execution offered.</summary>
    public static string JobControlOptionsWithMode(ProcessDescription process) =>
        process.Keys["mode"] is { } mode && (mode.StartsWith("sync", StringComparison.OrdinalIgnoreCase)
                                              || mode.StartsWith("async", StringComparison.OrdinalIgnoreCase))
            ? $"{mode.ToLowerInvariant()}-execute dismiss"
            : JobControlOptions(process);

    /// <summary>
    /// The OGC API's jobControlOptions: as DescribeProcess offers them, except that a .zcfg which neither stores nor
    /// reports status (storeSupported=false, statusSupported=false) can only run synchronously.
    /// </summary>
    public static string ApiJobControlOptions(ProcessDescription process) =>
        StoreSupported(process).Equals("false", StringComparison.OrdinalIgnoreCase)
        && StatusSupported(process).Equals("false", StringComparison.OrdinalIgnoreCase)
        && process.Keys["jobControlOptions"] is null
            ? "sync-execute"
            : JobControlOptionsWithMode(process);

    public static string OutputTransmission(ProcessDescription process) =>
        process.Keys.Get("outputTransmission", "value reference");

    public static string StoreSupported(ProcessDescription process) => process.Keys.Get("storeSupported", "true");

    public static string StatusSupported(ProcessDescription process) => process.Keys.Get("statusSupported", "true");
}
