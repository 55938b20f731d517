using Zoo.Core.Geo;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// ZOO's getConfiguration as intended: the preview configuration unless any input is strictly larger
/// than its threshold. Unlike ZOO, every file of a multi-valued input counts, not just the first.
/// </summary>
/// <param name="Exceeding">The first input over its threshold: recorded with the job to explain a fullres run.</param>
public sealed record ConfigurationChoice(Resolution Resolution, InputSize? Exceeding)
{
    public static ConfigurationChoice Choose(PreviewThresholds thresholds, IEnumerable<InputSize> sizes)
    {
        foreach (var size in sizes)
        {
            var limit = size.Kind switch
            {
                GeoDataType.Raster => thresholds.MaxPixels,
                GeoDataType.Vector => thresholds.MaxFeatures,
                _ => long.MaxValue,
            };
            if (size.Count > limit)
                return new ConfigurationChoice(Resolution.Fullres, size);
        }
        return new ConfigurationChoice(Resolution.Preview, null);
    }

    /// <summary>The configuration chosen; its section name is ZOO's <c>[lenv] configId</c>.</summary>
    public ClusterConfiguration Configuration(HpcSettings settings) =>
        Resolution == Resolution.Fullres ? settings.Fullres : settings.Preview;
}
