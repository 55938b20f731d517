using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Wps.Responses;

/// <summary>The CRSs of bounding box data: the default block's, then each supported block's, without repeats.</summary>
public static class BoundingBoxCrs
{
    public const string Fallback = "EPSG:4326";

    public static string Default(DataDescription data) =>
        data.Default?["CRS"] is { } crs ? MainConfig.SplitList(crs).FirstOrDefault() ?? Fallback : Fallback;

    /// <summary>The supported CRSs; the default alone when no supported block names one.</summary>
    public static IReadOnlyList<string> Supported(DataDescription data)
    {
        var all = new List<string>();
        foreach (var block in data.Supported)
        {
            if (block["CRS"] is { } crs)
                all.AddRange(MainConfig.SplitList(crs).Where(c => !all.Contains(c)));
        }
        return all.Count > 0 ? all : [Default(data)];
    }
}
