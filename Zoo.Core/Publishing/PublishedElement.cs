namespace Zoo.Core.Publishing;

/// <summary>
/// One element to publish through MapServer (ZOO's output with <c>useMapserver=true</c>): its name (the layer,
/// and part of the file names), ZOO's published index (0 for outputs), the job, where its data lies, and the
/// keys of its format that shape the map (<c>msStyle</c>, <c>msLayer</c>, <c>msInclude</c>, <c>msOgcVersion</c>).
/// </summary>
/// <param name="DataMimeType">The type of the data itself (the format's default), which tells GDAL how to open it.</param>
/// <param name="Style">msStyle: STYLE blocks for a vector, LAYER content (PROCESSING, CLASS...) for a raster.</param>
/// <param name="Layer">msLayer: the layer the service URL names (a layer of the template), instead of the element's.</param>
/// <param name="Template">msInclude: a mapfile whose map the element's data joins (its last layer becomes the data's, for a vector).</param>
/// <param name="WfsVersion">msOgcVersion: the WFS version of the element's WFS link, instead of main.cfg's.</param>
public sealed record PublishedElement(
    string Name,
    int Index,
    string JobId,
    string DataFile,
    string? DataMimeType,
    string? Title,
    string? Abstract,
    string? Style = null,
    string? Layer = null,
    string? Template = null,
    string? WfsVersion = null)
{
    /// <summary>The map's key, ZOO's <c>&lt;name&gt;_&lt;i&gt;_&lt;usid&gt;</c>, which names the mapfile.</summary>
    public string Key => $"{Name}_{Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{JobId}";
}
