using Zoo.Core.Geo;
using Zoo.Core.Publishing;
using Zoo.Core.Tests.TestSupport;
using static Zoo.Core.Tests.Publishing.MapfileLines;

namespace Zoo.Core.Tests.Publishing;

/// <summary>MapfileWriter: the map, raster and vector layers ZOO's outputMapfile makes, in MapServer 8's terms.</summary>
public class MapfileWriterTests
{
    private const string Dataset = "/var/zoo/tmp/out_u1.tif";
    private static readonly Extent UtmExtent = new(500000, 4648000, 503000, 4650000);
    private static readonly Crs Utm = new("EPSG:32631", false, "PROJCRS[\"WGS 84 / UTM zone 31N\"]");
    private static readonly Crs Wgs84 = new("EPSG:4326", true, "GEOGCRS[\"WGS 84\"]");

    private TempDirectory _dir = null!;
    private string _mapfile = null!;

    [SetUp]
    public void MakeDataPath()
    {
        _dir = new TempDirectory();
        _mapfile = Path.Combine(_dir.Path, "out_0_u1.map");
    }

    [TearDown]
    public void RemoveDataPath() => _dir.Dispose();

    private static MapServerSettings Settings(
        string? address = "http://127.0.0.1/cgi-bin/mapserv", string? polygonStyle = null, string? lineStyle = null, string? pointStyle = null,
        IReadOnlyList<KeyValuePair<string, string>>? configOptions = null, IReadOnlyList<KeyValuePair<string, string>>? webMetadata = null) =>
        new(address, "/var/zoo/data", "1.0.0", "/var/zoo/tmp", "http://host/tmp/", polygonStyle, lineStyle, pointStyle,
            configOptions ?? [], webMetadata ?? []);

    private static PublishedElement Element(string? style = null, string? title = "Output image", string? @abstract = "The image made",
        string name = "out") =>
        new(name, 0, "u1", Dataset, "image/tiff", title, @abstract, style);

    private static GeoDataset Raster(params string[] bandTypes) => Raster(30, 20, bandTypes);

    private static GeoDataset Raster(long width, long height, params string[] bandTypes) =>
        GeoDataset.OfRaster(new RasterInfo(width, height, bandTypes, UtmExtent, Utm));

    private static VectorLayer Layer(string geometry = "Point", string? idField = "fid", string name = "points") =>
        new(name, geometry, 2, new Extent(-3.5, -40.25, 2.5, -38.75), Wgs84, idField);

    private static GeoDataset Vector(params VectorLayer[] layers) => GeoDataset.OfVector(layers);

    private string WriteRaster(GeoDataset? data = null, PublishedElement? element = null, MapServerSettings? settings = null,
        string crs = "EPSG:32631", bool geographic = false) =>
        MapfileWriter.Write(element ?? Element(), data ?? Raster("Byte", "Byte", "Byte"), settings ?? Settings(), _mapfile, Dataset, crs,
            geographic, UtmExtent);

    private string WriteVector(GeoDataset? data = null, PublishedElement? element = null, MapServerSettings? settings = null) =>
        MapfileWriter.Write(element ?? Element(), data ?? Vector(Layer()), settings ?? Settings(), _mapfile, Dataset, "EPSG:4326", true,
            new Extent(-3.5, -40.25, 2.5, -38.75));

    /// <summary>The MAP block's own lines, before its first layer.</summary>
    private static IReadOnlyList<string> MapKeys(string text) => Block(text, "MAP").TakeWhile(l => l != "LAYER").ToList();

    private static IReadOnlyList<string> WebMetadata(string text) => Block(text, "METADATA", 0);

    private static IReadOnlyList<string> LayerMetadata(string text, int layer = 0) =>
        Blocks(Block(text, "LAYER", layer).Aggregate("", (all, line) => all + line + "\n"), "METADATA").Single();

    // ---------------------------------------------------------------- the map

    [Test]
    public void The_mapfile_is_one_balanced_MAP_block()
    {
        Assert.That(MapfileTemplate.Locate(WriteRaster()), Is.Not.Null);
    }

    [Test]
    public void The_map_has_ZOOs_name()
    {
        Assert.That(MapKeys(WriteRaster())[0], Is.EqualTo("NAME \"ZOO-Project_WXS_Server\""));
    }

    [Test]
    public void A_raster_map_has_the_rasters_size()
    {
        Assert.That(MapKeys(WriteRaster()), Does.Contain("SIZE 30 20"));
    }

    [Test]
    public void A_vector_map_is_2048_by_2048()
    {
        Assert.That(MapKeys(WriteVector()), Does.Contain("SIZE 2048 2048"));
    }

    [Test]
    public void A_raster_larger_than_4096_pixels_raises_the_maximum_size()
    {
        Assert.That(MapKeys(WriteRaster(Raster(5000, 100, "Byte"))), Does.Contain("MAXSIZE 5000"));
    }

    [Test]
    public void A_raster_within_4096_pixels_keeps_MapServers_maximum_size()
    {
        Assert.That(MapKeys(WriteRaster(Raster(4096, 100, "Byte"))).Where(l => l.StartsWith("MAXSIZE", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_map_extent_is_the_one_given()
    {
        Assert.That(MapKeys(WriteRaster()), Does.Contain("EXTENT 500000 4648000 503000 4650000"));
    }

    [Test]
    public void Projected_data_is_in_meters()
    {
        Assert.That(MapKeys(WriteRaster()), Does.Contain("UNITS METERS"));
    }

    [Test]
    public void Geographic_data_is_in_degrees()
    {
        Assert.That(MapKeys(WriteRaster(crs: "EPSG:4326", geographic: true)), Does.Contain("UNITS DD"));
    }

    [Test]
    public void The_map_projection_is_the_EPSG_code_given()
    {
        Assert.That(Block(WriteRaster(), "PROJECTION", 0), Is.EqualTo(new[] { "\"init=epsg:32631\"" }));
    }

    [Test]
    public void The_mapserver_section_becomes_CONFIG_lines()
    {
        var settings = Settings(configOptions: [new("PROJ_LIB", "/usr/share/proj"), new("MS_ERRORFILE", "/tmp/ms \"error\".log")]);

        Assert.That(MapKeys(WriteRaster(settings: settings)).Where(l => l.StartsWith("CONFIG", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "CONFIG \"PROJ_LIB\" \"/usr/share/proj\"",
            "CONFIG \"MS_ERRORFILE\" \"/tmp/ms \\\"error\\\".log\"",
        }));
    }

    [Test]
    public void Without_a_symbolset_beside_the_mapfile_the_map_defines_a_circle()
    {
        Assert.That(Block(WriteVector(), "SYMBOL"), Is.EqualTo(new[] { "NAME \"circle\"", "TYPE ELLIPSE", "FILLED TRUE", "POINTS 1 1 END" }));
    }

    [Test]
    public void A_symbolset_beside_the_mapfile_is_used()
    {
        var symbols = _dir.Write("symbols.sym", "SYMBOLSET\nEND\n");

        Assert.That(MapKeys(WriteVector()), Does.Contain($"SYMBOLSET \"{symbols}\"").And.No.Contain("SYMBOL"));
    }

    [Test]
    public void The_web_block_has_tmpPath_with_a_final_slash_and_tmpUrl()
    {
        Assert.That(Block(WriteRaster(), "WEB").Take(2), Is.EqualTo(new[] { "IMAGEPATH \"/var/zoo/tmp/\"", "IMAGEURL \"http://host/tmp/\"" }));
    }

    [Test]
    public void The_web_metadata_are_ZOOs_then_main_cfgs_then_the_CRS_and_the_online_resource()
    {
        var settings = Settings(webMetadata: [new("ows_title", "My WPS"), new("wms_allow_getmap_without_styles", "true")]);

        Assert.That(WebMetadata(WriteRaster(settings: settings)), Is.EqualTo(new[]
        {
            "\"ows_rootlayer_name\" \"ZOO_Project_Layer\"",
            "\"ows_rootlayer_title\" \"ZOO_Project_Layer\"",
            "\"ows_enable_request\" \"*\"",
            "\"ows_title\" \"My WPS\"",
            "\"wms_allow_getmap_without_styles\" \"true\"",
            "\"ows_srs\" \"EPSG:32631 EPSG:4326 EPSG:900913 EPSG:3857\"",
            $"\"ows_onlineresource\" \"http://127.0.0.1/cgi-bin/mapserv?map={_mapfile}\"",
        }));
    }

    [Test]
    public void Ms_web_metadata_overrides_the_kernels_own_in_its_place()
    {
        var settings = Settings(webMetadata: [new("OWS_ENABLE_REQUEST", "GetMap GetCoverage")]);

        Assert.That(WebMetadata(WriteRaster(settings: settings))[2], Is.EqualTo("\"ows_enable_request\" \"GetMap GetCoverage\""));
    }

    [Test]
    public void Ms_web_metadata_cannot_change_the_CRS_the_map_is_served_in()
    {
        var settings = Settings(webMetadata: [new("ows_srs", "EPSG:2154")]);

        Assert.That(WebMetadata(WriteRaster(settings: settings)), Does.Contain("\"ows_srs\" \"EPSG:32631 EPSG:4326 EPSG:900913 EPSG:3857\""));
    }

    [Test]
    public void A_key_main_cfg_gives_twice_is_written_once_with_its_last_value()
    {
        var settings = Settings(webMetadata: [new("ows_title", "From [identification]"), new("ows_title", "From [ms_web_metadata]")]);

        Assert.That(WebMetadata(WriteRaster(settings: settings)).Where(l => l.StartsWith("\"ows_title\"", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "\"ows_title\" \"From [ms_web_metadata]\"" }));
    }

    [Test]
    public void The_online_resource_stays_the_kernels_whatever_main_cfg_says()
    {
        var settings = Settings(webMetadata: [new("ows_onlineresource", "http://elsewhere/")]);

        Assert.That(WebMetadata(WriteRaster(settings: settings)).Where(l => l.StartsWith("\"ows_onlineresource\"", StringComparison.Ordinal)),
            Is.EqualTo(new[] { $"\"ows_onlineresource\" \"http://127.0.0.1/cgi-bin/mapserv?map={_mapfile}\"" }));
    }

    [Test]
    public void The_online_resource_of_an_address_with_a_query_goes_on_with_an_ampersand()
    {
        Assert.That(WebMetadata(WriteRaster(settings: Settings(address: "http://host/mapserv?key=1"))).Last(),
            Is.EqualTo($"\"ows_onlineresource\" \"http://host/mapserv?key=1&map={_mapfile}\""));
    }

    [Test]
    public void The_map_offers_its_own_CRS_first()
    {
        Assert.That(WebMetadata(WriteRaster()), Does.Contain("\"ows_srs\" \"EPSG:32631 EPSG:4326 EPSG:900913 EPSG:3857\""));
    }

    [Test]
    public void A_CRS_offered_anyway_is_not_offered_twice()
    {
        Assert.That(WebMetadata(WriteRaster(crs: "epsg:3857")), Does.Contain("\"ows_srs\" \"EPSG:3857 EPSG:4326 EPSG:900913\""));
    }

    [Test]
    public void A_PNG_format_draws_the_maps()
    {
        Assert.That(BlockWith(WriteRaster(), "OUTPUTFORMAT", "NAME \"png\""), Is.EqualTo(new[]
        {
            "NAME \"png\"", "DRIVER \"AGG/PNG\"", "MIMETYPE \"image/png\"", "IMAGEMODE RGBA", "TRANSPARENT ON", "EXTENSION \"png\"",
        }));
    }

    // ---------------------------------------------------------------- a raster layer

    [Test]
    public void A_raster_layer_is_named_after_the_element()
    {
        Assert.That(Block(WriteRaster(), "LAYER")[0], Is.EqualTo("NAME \"out\""));
    }

    [Test]
    public void An_element_name_with_a_quote_stays_one_string()
    {
        Assert.That(Block(WriteRaster(element: Element(name: "a\"b")), "LAYER")[0], Is.EqualTo("NAME \"a\\\"b\""));
    }

    [Test]
    public void A_raster_layer_reads_the_data_with_its_own_projection()
    {
        Assert.That(Block(WriteRaster(), "LAYER").Take(7), Is.EqualTo(new[]
        {
            "NAME \"out\"", "TYPE RASTER", "STATUS ON", $"DATA \"{Dataset}\"", "PROJECTION", "AUTO", "END",
        }));
    }

    [TestCase("Byte", "BYTE")]
    [TestCase("Int16", "INT16")]
    [TestCase("UInt16", "FLOAT32")]
    [TestCase("Float32", "FLOAT32")]
    [TestCase("Float64", "FLOAT32")]
    [TestCase("Int32", "FLOAT32")]
    public void The_GeoTIFF_format_has_the_pixel_type_of_the_data(string bandType, string imageMode)
    {
        Assert.That(BlockWith(WriteRaster(Raster(bandType)), "OUTPUTFORMAT", "NAME \"geotiff\""), Is.EqualTo(new[]
        {
            "NAME \"geotiff\"", "DRIVER \"GDAL/GTiff\"", "MIMETYPE \"image/tiff\"", $"IMAGEMODE {imageMode}", "EXTENSION \"tif\"",
        }));
    }

    [Test]
    public void A_raster_map_has_no_GeoJSON_format()
    {
        Assert.That(All(WriteRaster()), Does.Not.Contain("NAME \"geojson\""));
    }

    [TestCase(1, "1")]
    [TestCase(2, "1,2")]
    [TestCase(3, "1,2,3")]
    [TestCase(4, "1,2,3,4")]
    [TestCase(5, "1,2,3")]
    [TestCase(8, "1,2,3")]
    public void The_bands_shown_follow_ZOOs_rule(int bands, string shown)
    {
        var text = WriteRaster(Raster(Enumerable.Repeat("Byte", bands).ToArray()));

        Assert.That(Block(text, "LAYER").Where(l => l.Contains("BANDS=", StringComparison.Ordinal)),
            Is.EqualTo(new[] { $"PROCESSING \"BANDS={shown}\"" }));
    }

    [Test]
    public void MsStyle_choosing_the_bands_replaces_the_rule()
    {
        var text = WriteRaster(element: Element(style: "PROCESSING \"BANDS=3,2,1\""));

        Assert.That(Block(text, "LAYER").Where(l => l.Contains("BANDS=", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "PROCESSING \"BANDS=3,2,1\"" }));
    }

    [TestCase("UInt16")]
    [TestCase("Float32")]
    public void Data_that_is_not_bytes_is_scaled_automatically(string bandType)
    {
        Assert.That(Block(WriteRaster(Raster(bandType)), "LAYER"), Does.Contain("PROCESSING \"SCALE=AUTO\""));
    }

    [Test]
    public void Bytes_are_not_scaled()
    {
        Assert.That(Block(WriteRaster(Raster("Byte")), "LAYER").Where(l => l.Contains("SCALE", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Bands_of_bytes_and_others_are_scaled()
    {
        Assert.That(Block(WriteRaster(Raster("Byte", "Int16")), "LAYER"), Does.Contain("PROCESSING \"SCALE=AUTO\""));
    }

    [Test]
    public void MsStyle_scaling_replaces_the_automatic_scale()
    {
        var text = WriteRaster(Raster("Float32"), Element(style: "PROCESSING \"SCALE_1=0,100\""));

        Assert.That(Block(text, "LAYER").Where(l => l.Contains("SCALE", StringComparison.Ordinal)), Is.EqualTo(new[] { "PROCESSING \"SCALE_1=0,100\"" }));
    }

    [Test]
    public void MsStyle_that_does_not_scale_the_pixels_keeps_the_automatic_scale()
    {
        // MAXSCALEDENOM limits the map scales the layer is drawn at: it says nothing of its pixel values.
        var text = WriteRaster(Raster("Float32"), Element(style: "MAXSCALEDENOM 500000"));

        Assert.That(Block(text, "LAYER"), Does.Contain("PROCESSING \"SCALE=AUTO\""));
    }

    [Test]
    public void A_raster_is_resampled_bilinearly()
    {
        Assert.That(Block(WriteRaster(), "LAYER"), Does.Contain("PROCESSING \"RESAMPLE=BILINEAR\""));
    }

    [Test]
    public void MsStyle_resampling_replaces_the_bilinear_one()
    {
        var text = WriteRaster(element: Element(style: "PROCESSING \"RESAMPLE=NEAREST\""));

        Assert.That(Block(text, "LAYER").Where(l => l.Contains("RESAMPLE", StringComparison.Ordinal)), Is.EqualTo(new[] { "PROCESSING \"RESAMPLE=NEAREST\"" }));
    }

    [Test]
    public void MsStyle_ends_the_raster_layer_as_written()
    {
        var text = WriteRaster(element: Element(style: "CLASS\n  NAME \"all\"\n  STYLE\n    COLOR 255 0 0\n  END\nEND"));

        Assert.That(Block(text, "LAYER").TakeLast(7), Is.EqualTo(new[]
        {
            "PROCESSING \"RESAMPLE=BILINEAR\"", "CLASS", "NAME \"all\"", "STYLE", "COLOR 255 0 0", "END", "END",
        }));
    }

    [Test]
    public void A_raster_layer_describes_itself_for_the_OGC_services()
    {
        Assert.That(LayerMetadata(WriteRaster()), Is.EqualTo(new[]
        {
            "\"ows_label\" \"Output image\"",
            "\"ows_title\" \"Output image\"",
            "\"ows_abstract\" \"The image made\"",
            "\"ows_rangeset_name\" \"out\"",
            "\"ows_rangeset_label\" \"Output image\"",
            "\"ows_srs\" \"EPSG:32631 EPSG:4326 EPSG:900913 EPSG:3857\"",
            "\"ows_extent\" \"500000 4648000 503000 4650000\"",
            "\"wcs_formats\" \"geotiff\"",
            "\"ows_bandcount\" \"3\"",
            "\"ows_bandnames\" \"Band1 Band2 Band3\"",
        }));
    }

    [Test]
    public void Without_title_a_raster_layer_is_titled_by_its_name_and_abstracted_by_its_title()
    {
        var metadata = LayerMetadata(WriteRaster(element: Element(title: null, @abstract: null)));

        Assert.That(metadata.Take(3), Is.EqualTo(new[] { "\"ows_label\" \"out\"", "\"ows_title\" \"out\"", "\"ows_abstract\" \"out\"" }));
    }

    [Test]
    public void A_raster_of_a_hundred_bands_or_more_does_not_list_them()
    {
        var metadata = LayerMetadata(WriteRaster(Raster(Enumerable.Repeat("Byte", 100).ToArray())));

        Assert.That(metadata.Where(l => l.StartsWith("\"ows_band", StringComparison.Ordinal)), Is.Empty);
    }

    // ---------------------------------------------------------------- vector layers

    [Test]
    public void A_vector_layer_reads_its_OGR_layer_by_index()
    {
        Assert.That(Block(WriteVector(), "LAYER").Take(10), Is.EqualTo(new[]
        {
            "NAME \"out\"", "TYPE POINT", "STATUS ON", "CONNECTIONTYPE OGR", $"CONNECTION \"{Dataset}\"", "DATA \"0\"",
            "TEMPLATE \"VOID\"", "PROJECTION", "AUTO", "END",
        }));
    }

    [Test]
    public void Each_OGR_layer_has_its_own_layer_after_the_elements_name()
    {
        var text = WriteVector(Vector(Layer(name: "a"), Layer("Polygon", name: "b"), Layer("Line String", name: "c")));

        Assert.That(Blocks(text, "LAYER").Select(l => (l[0], l[5])), Is.EqualTo(new[]
        {
            ("NAME \"out\"", "DATA \"0\""), ("NAME \"out_1\"", "DATA \"1\""), ("NAME \"out_2\"", "DATA \"2\""),
        }));
    }

    [TestCase("Point", "POINT")]
    [TestCase("3D Point", "POINT")]
    [TestCase("Multi Point", "POINT")]
    [TestCase("Line String", "LINE")]
    [TestCase("3D Multi Line String", "LINE")]
    [TestCase("Compound Curve", "LINE")]
    [TestCase("Multi Curve", "LINE")]
    [TestCase("Polygon", "POLYGON")]
    [TestCase("Multi Polygon", "POLYGON")]
    [TestCase("3D Multi Polygon", "POLYGON")]
    [TestCase("Curve Polygon", "POLYGON")]
    [TestCase("Multi Surface", "POLYGON")]
    [TestCase("Unknown (any)", "POLYGON")]
    [TestCase("Geometry Collection", "POLYGON")]
    public void The_layer_type_follows_OGRs_geometry_name(string geometry, string type)
    {
        Assert.That(Block(WriteVector(Vector(Layer(geometry))), "LAYER")[1], Is.EqualTo($"TYPE {type}"));
    }

    [Test]
    public void A_vector_layer_describes_itself_for_the_OGC_services()
    {
        Assert.That(LayerMetadata(WriteVector()), Is.EqualTo(new[]
        {
            "\"gml_featureid\" \"fid\"",
            "\"gml_include_items\" \"all\"",
            "\"ows_name\" \"out\"",
            "\"ows_title\" \"Output image\"",
            "\"ows_srs\" \"EPSG:4326 EPSG:900913 EPSG:3857\"",
            "\"ows_extent\" \"-3.5 -40.25 2.5 -38.75\"",
            "\"wfs_getfeature_formatlist\" \"geojson\"",
        }));
    }

    [Test]
    public void Every_vector_layer_is_named_in_its_metadata()
    {
        var text = WriteVector(Vector(Layer(name: "a"), Layer(name: "b")));

        Assert.That(LayerMetadata(text, 1), Does.Contain("\"ows_name\" \"out_1\""));
    }

    [Test]
    public void Without_title_a_vector_layer_has_ZOOs_default_title()
    {
        Assert.That(LayerMetadata(WriteVector(element: Element(title: null))), Does.Contain("\"ows_title\" \"Default Title\""));
    }

    [TestCase("ogc_fid")]
    [TestCase("ID2")]
    [TestCase("a234567890123456789012345678901234567890123456789012345678901234")]
    public void A_plain_field_name_is_the_feature_id(string field)
    {
        Assert.That(LayerMetadata(WriteVector(Vector(Layer(idField: field))))[0], Is.EqualTo($"\"gml_featureid\" \"{field}\""));
    }

    [TestCase("my field")]
    [TestCase("na\"me")]
    [TestCase("nom_é")]
    [TestCase("a-b")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("a2345678901234567890123456789012345678901234567890123456789012345")]
    public void Any_other_field_name_gives_no_feature_id(string? field)
    {
        Assert.That(LayerMetadata(WriteVector(Vector(Layer(idField: field)))).Where(l => l.Contains("gml_featureid", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void A_vector_map_offers_GeoJSON_features_and_no_GeoTIFF()
    {
        var text = WriteVector();

        Assert.That((BlockWith(text, "OUTPUTFORMAT", "NAME \"geojson\""), All(text).Contains("NAME \"geotiff\"")), Is.EqualTo((new[]
        {
            "NAME \"geojson\"", "DRIVER \"OGR/GEOJSON\"", "MIMETYPE \"application/json\"", "FORMATOPTION \"STORAGE=stream\"",
            "FORMATOPTION \"FORM=SIMPLE\"",
        }, false)));
    }

    [Test]
    public void A_polygon_layer_has_ZOOs_default_polygon_style()
    {
        Assert.That(Block(WriteVector(Vector(Layer("Multi Polygon"))), "CLASS"), Is.EqualTo(new[]
        {
            "STYLE", "COLOR 125 125 255", "OUTLINECOLOR 80 80 80", "WIDTH 3", "END",
        }));
    }

    [Test]
    public void A_line_layer_has_ZOOs_default_line_style()
    {
        Assert.That(Block(WriteVector(Vector(Layer("Line String"))), "CLASS"), Is.EqualTo(new[]
        {
            "STYLE", "COLOR 125 125 255", "OUTLINECOLOR 80 80 80", "WIDTH 3", "OUTLINEWIDTH 1.5", "END",
        }));
    }

    [Test]
    public void A_point_layer_has_ZOOs_default_point_style()
    {
        Assert.That(Block(WriteVector(Vector(Layer("Point"))), "CLASS"), Is.EqualTo(new[]
        {
            "STYLE", "COLOR 125 125 255", "OUTLINECOLOR 80 80 80", "SYMBOL 1", "SIZE 15", "END",
        }));
    }

    [Test]
    public void Main_cfgs_polygon_style_draws_a_polygon_layer()
    {
        var text = WriteVector(Vector(Layer("Polygon")), settings: Settings(polygonStyle: "COLOR 1 2 3 OUTLINECOLOR 0 0 0", pointStyle: "SIZE 9"));

        Assert.That(Block(text, "CLASS"), Is.EqualTo(new[] { "STYLE", "COLOR 1 2 3 OUTLINECOLOR 0 0 0", "END" }));
    }

    [Test]
    public void Main_cfgs_line_style_draws_a_line_layer()
    {
        var text = WriteVector(Vector(Layer("Line String")), settings: Settings(polygonStyle: "COLOR 1 2 3", lineStyle: "WIDTH 7"));

        Assert.That(Block(text, "CLASS"), Is.EqualTo(new[] { "STYLE", "WIDTH 7", "END" }));
    }

    [Test]
    public void Main_cfgs_point_style_draws_a_point_layer()
    {
        var text = WriteVector(Vector(Layer("Point")), settings: Settings(polygonStyle: "COLOR 1 2 3", pointStyle: "SIZE 9"));

        Assert.That(Block(text, "CLASS"), Is.EqualTo(new[] { "STYLE", "SIZE 9", "END" }));
    }

    [Test]
    public void A_style_that_is_already_a_STYLE_block_is_not_wrapped_again()
    {
        var text = WriteVector(Vector(Layer("Polygon")), settings: Settings(polygonStyle: " STYLE COLOR 1 2 3 END"));

        Assert.That(Block(text, "CLASS"), Is.EqualTo(new[] { "STYLE COLOR 1 2 3 END" }));
    }

    [Test]
    public void MsStyle_wins_over_main_cfgs_style()
    {
        var text = WriteVector(Vector(Layer("Polygon")), Element(style: "STYLE\nCOLOR 9 9 9\nEND"), Settings(polygonStyle: "COLOR 1 2 3"));

        Assert.That(Block(text, "CLASS"), Is.EqualTo(new[] { "STYLE", "COLOR 9 9 9", "END" }));
    }
}
