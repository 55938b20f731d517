using System.Text;
using Zoo.Core.Geo;

namespace Zoo.Core.Publishing;

/// <summary>
/// A published element: its mapfile, and the URLs of its OGC services in ZOO's forms under mapserverAddress
/// (the whole coverage or every feature; a map sized to fit 640×480):
/// <list type="bullet">
/// <item><c>?map=&lt;mapfile&gt;&amp;request=GetMap&amp;service=WMS&amp;version=1.3.0&amp;layers=&lt;L&gt;&amp;styles=&amp;width=&lt;w&gt;&amp;height=&lt;h&gt;&amp;format=image/png&amp;bbox=&lt;extent&gt;&amp;crs=&lt;crs&gt;</c></item>
/// <item><c>?map=…&amp;request=GetCoverage&amp;service=WCS&amp;version=2.0.0&amp;coverageid=&lt;L&gt;&amp;format=image/tiff&amp;bbox=…&amp;crs=…</c></item>
/// <item><c>?map=…&amp;request=GetFeature&amp;service=WFS&amp;version=&lt;msOgcVersion&gt;&amp;typename=&lt;L&gt;&amp;format=text/xml&amp;bbox=…&amp;crs=…</c></item>
/// </list>
/// The WMS 1.3.0 bbox of a geographic EPSG CRS is latitude first, as that version wants; it has a margin around
/// the data (ZOO's has none, and MapServer draws no point that lies on the map's edge).
/// </summary>
/// <param name="Extent">The data's extent in <paramref name="Crs"/>, x first.</param>
public sealed record Publication(
    string Address,
    string MapfilePath,
    string Layer,
    GeoDataType Kind,
    string Crs,
    Extent Extent,
    bool IsGeographic,
    string WfsVersion)
{
    /// <summary>The share of the data's width and height added on each side of a WMS map.</summary>
    public const double WmsMargin = 0.05;

    /// <summary>The URL of one service; <paramref name="layer"/> names another layer of the map (msLayer).</summary>
    public string Url(OgcService service, bool geoJson = false, string? layer = null)
    {
        var name = Escape(layer ?? Layer);
        var start = new StringBuilder(Address).Append(Address.Contains('?') ? '&' : '?')
            .Append("map=").Append(Escape(MapfilePath));
        var bbox = string.Join(',', new[] { Extent.MinX, Extent.MinY, Extent.MaxX, Extent.MaxY }.Select(MapfileText.Number));
        switch (service)
        {
            case OgcService.Wms:
                var map = Extent.Grown(WmsMargin);
                var size = MapSize.Fit(map);
                var latitudeFirst = IsGeographic && Crs.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase);
                var wmsBox = string.Join(',', (latitudeFirst ? new[] { map.MinY, map.MinX, map.MaxY, map.MaxX } : new[] { map.MinX, map.MinY, map.MaxX, map.MaxY })
                    .Select(MapfileText.Number));
                // STYLES is a required parameter of WMS 1.3.0 (empty: each layer's default), which MapServer 8 enforces.
                start.Append("&request=GetMap&service=WMS&version=1.3.0&layers=").Append(name).Append("&styles=")
                    .Append("&width=").Append(size.Width).Append("&height=").Append(size.Height)
                    .Append("&format=image/png&bbox=").Append(wmsBox);
                break;
            case OgcService.Wcs:
                start.Append("&request=GetCoverage&service=WCS&version=2.0.0&coverageid=").Append(name)
                    .Append("&format=image/tiff&bbox=").Append(bbox);
                break;
            default:
                start.Append("&request=GetFeature&service=WFS&version=").Append(Escape(WfsVersion)).Append("&typename=").Append(name)
                    .Append(geoJson ? "&outputformat=geojson" : "&format=text/xml").Append("&bbox=").Append(bbox);
                break;
        }
        return start.Append("&crs=").Append(Escape(Crs)).ToString();
    }

    /// <summary>What the URL of a service answers with.</summary>
    public static string MimeTypeOf(OgcService service, bool geoJson = false) => service switch
    {
        OgcService.Wms => "image/png",
        OgcService.Wcs => "image/tiff",
        _ => geoJson ? "application/json" : "text/xml",
    };

    /// <summary>Percent-encodes what a query value cannot hold as it is; ZOO's plain characters (<c>/ : , . - _</c>) stay.</summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or ':' or ',' or '.' or '-' or '_' or '~')
                escaped.Append(c);
            else
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
