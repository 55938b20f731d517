namespace Zoo.Hpc.Settings;

/// <summary>
/// <c>preview_max_pixels</c> and <c>preview_max_features</c> of the confId section: the largest
/// raster (pixels) and vector (features) input the preview configuration takes.
/// </summary>
public sealed record PreviewThresholds(long MaxPixels, long MaxFeatures);
