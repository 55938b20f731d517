using Zoo.Core.Geo;

namespace Zoo.Core.Publishing;

/// <summary>The size of a WMS map of an extent: the largest that fits 640×480 with the extent's proportions (ZOO's setMapSize lets the height reach 640).</summary>
public sealed record MapSize(int Width, int Height)
{
    public const int MaxWidth = 640;
    public const int MaxHeight = 480;

    public static MapSize Fit(Extent extent)
    {
        var (width, height) = (Math.Abs(extent.Width), Math.Abs(extent.Height));
        if (!(width > 0) || !(height > 0))
            return new MapSize(MaxWidth, MaxHeight);
        var scale = Math.Min(MaxWidth / width, MaxHeight / height);
        return new MapSize(Math.Clamp((int)Math.Round(width * scale), 1, MaxWidth), Math.Clamp((int)Math.Round(height * scale), 1, MaxHeight));
    }
}
