using Zoo.Core.Geo;

namespace Zoo.Core.Publishing;

/// <summary>
/// The mapfile of a published element, in the shape ZOO gives it (map <c>ZOO-Project_WXS_Server</c>, WEB metadata
/// from main.cfg, one layer named after the element) with what MapServer 8 needs to answer WMS, WCS and WFS:
/// <list type="bullet">
/// <item>a raster layer: the GeoTIFF output format in the data's own pixel type (so that WCS returns the values, not
/// a picture), the first three bands shown (ZOO's BANDS rule), <c>SCALE=AUTO</c> for data that is not bytes, bilinear
/// resampling, unless msStyle says otherwise;</item>
/// <item>a vector: one layer per OGR layer (the first named after the element), its geometry type, one class drawn
/// with msStyle, else main.cfg's msStylePoly/Line/Point, else ZOO's default colours, and WFS answers in GML or GeoJSON.</item>
/// </list>
/// The layers read their CRS from the data (<c>PROJECTION AUTO</c>). A vector layer is named by its index, so that a
/// layer name written in the data never reaches the mapfile.
/// </summary>
public static class MapfileWriter
{
    public const string MapName = "ZOO-Project_WXS_Server";
    private const int VectorMapSize = 2048;
    private const int DefaultMaxSize = 4096;
    private static readonly string[] AdvertisedCrs = ["EPSG:4326", "EPSG:900913", "EPSG:3857"];

    /// <param name="dataset">What MapServer opens: the data file, or its /vsizip/ name.</param>
    /// <param name="crs">The map's CRS code (the data's, or EPSG:4326 when the data names none).</param>
    /// <param name="extent">The data's extent in <paramref name="crs"/>.</param>
    public static string Write(PublishedElement element, GeoDataset data, MapServerSettings settings, string mapfilePath,
        string dataset, string crs, bool geographic, Extent extent)
    {
        var layers = data.Kind == GeoDataType.Raster
            ? [RasterLayer(element, data.Raster!, dataset, crs, extent)]
            : VectorLayers(element, data.Layers, dataset, crs, extent, settings, withClass: element.Template is null);
        var mapKeys = MapKeys(new MapfileText(), element, data, settings, mapfilePath, crs, geographic, extent).ToString();
        if (element.Template is { } template)
            return MapfileTemplate.Merge(template, mapKeys, layers, joinLastLayer: data.Kind == GeoDataType.Vector);
        var text = new MapfileText().Open("MAP").Raw(mapKeys);
        foreach (var layer in layers)
            text.Open("LAYER").Raw(layer).End();
        return text.End().ToString();
    }

    private static MapfileText MapKeys(MapfileText text, PublishedElement element, GeoDataset data, MapServerSettings settings,
        string mapfilePath, string crs, bool geographic, Extent extent)
    {
        var (width, height) = data.Raster is { } raster
            ? (raster.Width, raster.Height)
            : (VectorMapSize, VectorMapSize);
        text.Line("NAME", MapfileText.Quote(MapName))
            .Line("STATUS", "ON")
            .Line("SIZE", MapfileText.Number(width), MapfileText.Number(height));
        if (Math.Max(width, height) > DefaultMaxSize)
            text.Line("MAXSIZE", MapfileText.Number(Math.Max(width, height)));
        text.Line("EXTENT", MapfileText.Number(extent.MinX), MapfileText.Number(extent.MinY), MapfileText.Number(extent.MaxX),
                MapfileText.Number(extent.MaxY))
            .Line("UNITS", geographic ? "DD" : "METERS")
            .Line("IMAGETYPE", MapfileText.Quote("png"));
        foreach (var (key, value) in settings.ConfigOptions)
            text.Line("CONFIG", MapfileText.Quote(key), MapfileText.Quote(value));
        Symbols(text, mapfilePath);
        Projection(text, crs);
        OutputFormats(text, data);
        text.Open("WEB");
        if (settings.ImagePath is { Length: > 0 } imagePath)
            text.Line("IMAGEPATH", MapfileText.Quote(imagePath.TrimEnd('/') + "/"));
        if (settings.ImageUrl is { Length: > 0 } imageUrl)
            text.Line("IMAGEURL", MapfileText.Quote(imageUrl));
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("ows_rootlayer_name", "ZOO_Project_Layer"),
            new("ows_rootlayer_title", "ZOO_Project_Layer"),
            new("ows_enable_request", "*"),
        };
        metadata.AddRange(settings.WebMetadata);
        // After [ms_web_metadata], as ZOO writes it: the CRS the map is served in is the kernel's to say.
        metadata.Add(new("ows_srs", SrsList(crs)));
        metadata.Add(new("ows_onlineresource", $"{settings.Address}{(settings.Address?.Contains('?') == true ? '&' : '?')}map={mapfilePath}"));
        text.Pairs("METADATA", Deduplicated(metadata));
        return text.End();
    }

    /// <summary>ZOO's symbolset (<c>symbols.sym</c> beside the mapfiles) when the operator made one, else a circle, the point symbol 1.</summary>
    private static void Symbols(MapfileText text, string mapfilePath)
    {
        var symbols = Path.Combine(Path.GetDirectoryName(mapfilePath) ?? "", "symbols.sym");
        if (File.Exists(symbols))
        {
            text.Line("SYMBOLSET", MapfileText.Quote(symbols));
            return;
        }
        text.Open("SYMBOL").Line("NAME", MapfileText.Quote("circle")).Line("TYPE", "ELLIPSE").Line("FILLED", "TRUE")
            .Line("POINTS", "1", "1", "END").End();
    }

    private static void Projection(MapfileText text, string crs)
    {
        var code = crs.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? crs[5..] : "4326";
        text.Open("PROJECTION").Line(MapfileText.Quote("init=epsg:" + code)).End();
    }

    private static void OutputFormats(MapfileText text, GeoDataset data)
    {
        text.Open("OUTPUTFORMAT").Line("NAME", MapfileText.Quote("png")).Line("DRIVER", MapfileText.Quote("AGG/PNG"))
            .Line("MIMETYPE", MapfileText.Quote("image/png")).Line("IMAGEMODE", "RGBA").Line("TRANSPARENT", "ON")
            .Line("EXTENSION", MapfileText.Quote("png")).End();
        if (data.Raster is { } raster)
            // One GeoTIFF format, in the data's pixel type: MapServer would use the first of several for every coverage.
            text.Open("OUTPUTFORMAT").Line("NAME", MapfileText.Quote("geotiff")).Line("DRIVER", MapfileText.Quote("GDAL/GTiff"))
                .Line("MIMETYPE", MapfileText.Quote("image/tiff")).Line("IMAGEMODE", ImageMode(raster.BandTypes))
                .Line("EXTENSION", MapfileText.Quote("tif")).End();
        else
            text.Open("OUTPUTFORMAT").Line("NAME", MapfileText.Quote("geojson")).Line("DRIVER", MapfileText.Quote("OGR/GEOJSON"))
                .Line("MIMETYPE", MapfileText.Quote("application/json")).Line("FORMATOPTION", MapfileText.Quote("STORAGE=stream"))
                .Line("FORMATOPTION", MapfileText.Quote("FORM=SIMPLE")).End();
    }

    /// <summary>The content of the raster's LAYER block.</summary>
    private static string RasterLayer(PublishedElement element, RasterInfo raster, string dataset, string crs, Extent extent)
    {
        var text = new MapfileText();
        var style = element.Style ?? "";
        var title = element.Title ?? element.Name;
        var bands = raster.BandTypes.Count;
        text.Line("NAME", MapfileText.Quote(element.Name))
            .Line("TYPE", "RASTER")
            .Line("STATUS", "ON")
            .Line("DATA", MapfileText.Quote(dataset))
            .Open("PROJECTION").Line("AUTO").End();
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("ows_label", title), new("ows_title", title), new("ows_abstract", element.Abstract ?? title),
            new("ows_rangeset_name", element.Name), new("ows_rangeset_label", title),
            new("ows_srs", SrsList(crs)), new("ows_extent", ExtentText(LayerExtent(raster.Crs, raster.Extent, crs, extent))),
            new("wcs_formats", "geotiff"),
        };
        if (bands < 100)
        {
            metadata.Add(new("ows_bandcount", MapfileText.Number(bands)));
            metadata.Add(new("ows_bandnames", string.Join(' ', Enumerable.Range(1, bands).Select(b => $"Band{b}"))));
        }
        text.Pairs("METADATA", metadata);
        if (!style.Contains("BANDS=", StringComparison.OrdinalIgnoreCase))
            text.Line("PROCESSING", MapfileText.Quote("BANDS=" + bands switch
            {
                1 => "1",
                2 => "1,2",
                4 => "1,2,3,4",
                _ => "1,2,3",
            }));
        if (!style.Contains("SCALE=", StringComparison.OrdinalIgnoreCase) && !style.Contains("SCALE_", StringComparison.OrdinalIgnoreCase)
            && !raster.BandTypes.All(t => t == "Byte"))
            text.Line("PROCESSING", MapfileText.Quote("SCALE=AUTO"));
        if (!style.Contains("RESAMPLE", StringComparison.OrdinalIgnoreCase))
            text.Line("PROCESSING", MapfileText.Quote("RESAMPLE=BILINEAR"));
        if (style.Trim().Length > 0)
            text.Raw(style);
        return text.ToString();
    }

    /// <summary>The content of one LAYER block per OGR layer.</summary>
    private static List<string> VectorLayers(PublishedElement element, IReadOnlyList<VectorLayer> layers, string dataset,
        string crs, Extent extent, MapServerSettings settings, bool withClass)
    {
        var bodies = new List<string>();
        for (var index = 0; index < layers.Count; index++)
        {
            var text = new MapfileText();
            var layer = layers[index];
            var type = LayerType(layer.GeometryType);
            var name = index == 0 ? element.Name : $"{element.Name}_{index}";
            text.Line("NAME", MapfileText.Quote(name))
                .Line("TYPE", type)
                .Line("STATUS", "ON")
                .Line("CONNECTIONTYPE", "OGR")
                .Line("CONNECTION", MapfileText.Quote(dataset))
                .Line("DATA", MapfileText.Quote(MapfileText.Number(index)))
                .Line("TEMPLATE", MapfileText.Quote("VOID"))
                .Open("PROJECTION").Line("AUTO").End();
            var metadata = new List<KeyValuePair<string, string>>();
            // A field name from the data: written only when it is a plain name.
            if (layer.IdField is { Length: > 0 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                metadata.Add(new("gml_featureid", id));
            metadata.Add(new("gml_include_items", "all"));
            metadata.Add(new("ows_name", name));
            metadata.Add(new("ows_title", element.Title ?? "Default Title"));
            metadata.Add(new("ows_srs", SrsList(crs)));
            metadata.Add(new("ows_extent", ExtentText(LayerExtent(layer.Crs, layer.Extent, crs, extent))));
            metadata.Add(new("wfs_getfeature_formatlist", "geojson"));
            text.Pairs("METADATA", metadata);
            if (withClass)
                text.Open("CLASS").Raw(Style(element.Style, type, settings)).End();
            bodies.Add(text.ToString());
        }
        return bodies;
    }

    /// <summary>msStyle, else main.cfg's style for the geometry, else ZOO's defaults.</summary>
    private static string Style(string? style, string type, MapServerSettings settings)
    {
        var chosen = style is { Length: > 0 } ? style : type switch
        {
            "POLYGON" => settings.PolygonStyle,
            "LINE" => settings.LineStyle,
            _ => settings.PointStyle,
        };
        if (chosen is { Length: > 0 })
            return chosen.TrimStart().StartsWith("STYLE", StringComparison.OrdinalIgnoreCase) ? chosen : $"STYLE\n{chosen}\nEND";
        return type switch
        {
            "POLYGON" => "STYLE\nCOLOR 125 125 255\nOUTLINECOLOR 80 80 80\nWIDTH 3\nEND",
            "LINE" => "STYLE\nCOLOR 125 125 255\nOUTLINECOLOR 80 80 80\nWIDTH 3\nOUTLINEWIDTH 1.5\nEND",
            _ => "STYLE\nCOLOR 125 125 255\nOUTLINECOLOR 80 80 80\nSYMBOL 1\nSIZE 15\nEND",
        };
    }

    /// <summary>OGR's geometry name as a MapServer layer type; anything else (unknown, collections) is drawn as polygons, as in ZOO.</summary>
    private static string LayerType(string geometry)
    {
        if (geometry.Contains("Point", StringComparison.OrdinalIgnoreCase))
            return "POINT";
        if (geometry.Contains("Polygon", StringComparison.OrdinalIgnoreCase) || geometry.Contains("Surface", StringComparison.OrdinalIgnoreCase))
            return "POLYGON";
        if (geometry.Contains("Line", StringComparison.OrdinalIgnoreCase) || geometry.Contains("Curve", StringComparison.OrdinalIgnoreCase))
            return "LINE";
        return "POLYGON";
    }

    /// <summary>
    /// The pixel type of the GeoTIFF MapServer writes for a coverage: the data's, or FLOAT32 when MapServer has none
    /// that holds every value (UInt16 above 32767, 32-bit integers; ZOO maps Float32 to bytes).
    /// </summary>
    private static string ImageMode(IReadOnlyList<string> bandTypes) => bandTypes.FirstOrDefault() switch
    {
        "Byte" => "BYTE",
        "Int16" => "INT16",
        _ => "FLOAT32",
    };

    /// <summary>The CRS a layer is offered in, its own first: MapServer's WCS takes the first as the coverage's native CRS (ZOO puts it last).</summary>
    private static string SrsList(string crs) =>
        string.Join(' ', AdvertisedCrs.Prepend(crs.ToUpperInvariant()).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// A layer's extent in the CRS it is served in: its own when that is its CRS, else the map's (data in a CRS
    /// without an EPSG code is served in longitude/latitude, and MapServer's WCS takes ows_srs' first CRS as the data's).
    /// </summary>
    private static Extent LayerExtent(Crs? layerCrs, Extent? layerExtent, string crs, Extent mapExtent) =>
        layerCrs?.EpsgCode == crs && layerExtent is { } own ? own : mapExtent;

    private static string ExtentText(Extent extent) =>
        string.Join(' ', new[] { extent.MinX, extent.MinY, extent.MaxX, extent.MaxY }.Select(MapfileText.Number));

    /// <summary>A key given twice keeps its last value, at its first place ([ms_web_metadata] overrides the kernel's own).</summary>
    private static List<KeyValuePair<string, string>> Deduplicated(List<KeyValuePair<string, string>> pairs)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            var at = result.FindIndex(p => p.Key.Equals(pair.Key, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
                result[at] = new(result[at].Key, pair.Value);
            else
                result.Add(pair);
        }
        return result;
    }
}
