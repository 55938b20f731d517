using Zoo.Core.Geo;

namespace Zoo.Core.Publishing;

/// <summary>The OGC services a published element is reachable through: a map (WMS), its coverage (WCS) or its features (WFS).</summary>
public enum OgcService
{
    Wms,
    Wcs,
    Wfs,
}

/// <summary>
/// Which service an output's reference points at, by ZOO's rules: the format's <c>msOgc</c> (WMS, WFS, else WCS),
/// otherwise the requested mime type (<c>text/xml</c> features, <c>image/tiff</c> a coverage, anything else a
/// map). Unlike ZOO, the service always fits the data: a raster has no features, a vector no coverage; and
/// <c>application/json</c> asks the WFS for GeoJSON (ZOO points at an OGC API collection, which needs the map
/// registered in MapServer's own configuration).
/// </summary>
public static class OgcServiceChoice
{
    public static OgcService For(string? msOgc, string? requestedMimeType, GeoDataType kind)
    {
        var wanted = msOgc is { Length: > 0 } ogc
            ? ogc.StartsWith("WMS", StringComparison.OrdinalIgnoreCase) ? OgcService.Wms
            : ogc.StartsWith("WFS", StringComparison.OrdinalIgnoreCase) ? OgcService.Wfs
            : OgcService.Wcs
            : ByMimeType(requestedMimeType);
        return (wanted, kind) switch
        {
            (OgcService.Wfs, GeoDataType.Raster) => OgcService.Wcs,
            (OgcService.Wcs, GeoDataType.Vector) => OgcService.Wfs,
            _ => wanted,
        };
    }

    /// <summary>Whether a WFS link should ask for GeoJSON rather than GML.</summary>
    public static bool WantsJson(string? requestedMimeType) =>
        (requestedMimeType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || (requestedMimeType ?? "").StartsWith("application/geo+json", StringComparison.OrdinalIgnoreCase);

    private static OgcService ByMimeType(string? mimeType)
    {
        var type = (mimeType ?? "").Trim();
        if (type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase) || WantsJson(type))
            return OgcService.Wfs;
        if (type.StartsWith("image/tiff", StringComparison.OrdinalIgnoreCase) || type.StartsWith("image/geotiff", StringComparison.OrdinalIgnoreCase))
            return OgcService.Wcs;
        return OgcService.Wms;
    }
}
