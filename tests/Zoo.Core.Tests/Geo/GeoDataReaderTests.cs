using Zoo.Core.Geo;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Geo;

/// <summary>
/// GeoDataReader with the real gdalinfo, ogrinfo and gdaltransform (gdal-bin) on files made by gdal_create or written
/// here; each file is read once. The expected values were worked out by hand, the longitude/latitude ones with
/// gdaltransform on the same points.
/// </summary>
public class GeoDataReaderTests
{
    private const string Laea = "+proj=laea +lat_0=45 +lon_0=3 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs";

    private readonly GeoDataReader _reader = new();
    private TempDirectory _dir = null!;
    private IReadOnlyList<string> _created = null!;
    private GeoDataset _utm = null!;
    private GeoDataset _laea = null!;
    private GeoDataset _points = null!;
    private GeoDataset _text = null!;

    [OneTimeSetUp]
    public async Task ReadFixtures()
    {
        _dir = new TempDirectory();
        // 30x20 pixels of 100 m from (500000, 4650000) down to (503000, 4648000).
        var utm = GdalFixtures.Raster(Path.Combine(_dir.Path, "utm.tif"), "-outsize", "30", "20", "-bands", "3", "-ot", "UInt16",
            "-a_srs", "EPSG:32631", "-a_ullr", "500000", "4650000", "503000", "4648000");
        // 100x60 pixels of 1 km around the projection's centre (3°E, 45°N).
        var laea = GdalFixtures.Raster(Path.Combine(_dir.Path, "laea.tif"), "-outsize", "100", "60", "-bands", "1", "-ot", "Float32",
            "-a_srs", Laea, "-a_ullr", "-50000", "30000", "50000", "-30000");
        var points = GdalFixtures.Text(Path.Combine(_dir.Path, "points.geojson"), """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"a","pop":1},"geometry":{"type":"Point","coordinates":[-3.5,-40.25]}},
            {"type":"Feature","properties":{"name":"b","pop":2},"geometry":{"type":"Point","coordinates":[2.5,-38.75]}}]}
            """);
        var text = GdalFixtures.Text(Path.Combine(_dir.Path, "note.txt"), "hello\n");
        _created = Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

        _utm = await _reader.ReadAsync(utm, "image/tiff");
        _laea = await _reader.ReadAsync(laea, "image/tiff");
        _points = await _reader.ReadAsync(points, "application/json");
        _text = await _reader.ReadAsync(text, "text/plain");
    }

    [OneTimeTearDown]
    public void RemoveFixtures() => _dir.Dispose();

    [Test]
    public void A_GeoTIFF_is_a_raster()
    {
        Assert.That(_utm.Kind, Is.EqualTo(GeoDataType.Raster));
    }

    [Test]
    public void A_GeoTIFF_has_its_size_in_pixels()
    {
        Assert.That((_utm.Raster!.Width, _utm.Raster.Height), Is.EqualTo((30L, 20L)));
    }

    [Test]
    public void A_GeoTIFF_has_the_type_of_each_band()
    {
        Assert.That(_utm.Raster!.BandTypes, Is.EqualTo(new[] { "UInt16", "UInt16", "UInt16" }));
    }

    [Test]
    public void A_GeoTIFF_has_its_extent_in_its_own_CRS()
    {
        Assert.That(_utm.Raster!.Extent, Is.EqualTo(new Extent(500000, 4648000, 503000, 4650000)));
    }

    [Test]
    public void A_GeoTIFF_in_UTM_zone_31N_is_EPSG_32631_and_not_geographic()
    {
        var crs = _utm.Raster!.Crs!;

        Assert.That((crs.EpsgCode, crs.IsGeographic), Is.EqualTo(("EPSG:32631", false)));
    }

    [Test]
    public void A_GeoJSON_is_one_vector_layer_named_after_the_file()
    {
        Assert.That((_points.Kind, _points.Layers.Select(l => l.Name).Single()), Is.EqualTo((GeoDataType.Vector, "points")));
    }

    [Test]
    public void A_GeoJSON_counts_its_features()
    {
        Assert.That(_points.Features, Is.EqualTo(2));
    }

    [Test]
    public void A_GeoJSON_is_in_EPSG_4326_which_is_geographic()
    {
        var crs = _points.Layers[0].Crs!;

        Assert.That((crs.EpsgCode, crs.IsGeographic), Is.EqualTo(("EPSG:4326", true)));
    }

    [Test]
    public void A_GeoJSON_has_its_extent_and_geometry_type()
    {
        var layer = _points.Layers[0];

        Assert.That((layer.GeometryType, layer.Extent), Is.EqualTo(("Point", new Extent(-3.5, -40.25, 2.5, -38.75))));
    }

    [Test]
    public async Task A_GeoJSON_without_a_mime_type_is_still_a_vector()
    {
        // Tried as a raster first: GDAL does not open it as one.
        var read = await _reader.ReadAsync(Path.Combine(_dir.Path, "points.geojson"), null);

        Assert.That((read.Kind, read.Features), Is.EqualTo((GeoDataType.Vector, 2L)));
    }

    [Test]
    public void A_text_file_is_no_geographic_data()
    {
        Assert.That(_text.Kind, Is.EqualTo(GeoDataType.Other));
    }

    [Test]
    public void A_text_file_says_why_GDAL_could_not_read_it()
    {
        Assert.That(_text.Reason, Does.Contain("not recognized as a supported file format"));
    }

    [Test]
    public void A_raster_in_a_CRS_without_EPSG_code_has_no_code()
    {
        var crs = _laea.Raster!.Crs!;

        Assert.That((crs.Code, crs.IsGeographic), Is.EqualTo(((string?)null, false)));
    }

    [Test]
    public void A_raster_in_a_CRS_without_EPSG_code_has_GDALs_longitude_latitude_box_of_its_corners()
    {
        // gdaltransform of the four corners.
        var box = _laea.Raster!.Wgs84Extent!;

        Assert.That(new[] { box.MinX, box.MinY, box.MaxX, box.MaxY },
            Is.EqualTo(new[] { 2.3628769, 44.7282998, 3.6371231, 45.2681794 }).Within(1e-7));
    }

    [Test]
    public async Task The_longitude_latitude_box_of_an_extent_in_a_CRS_without_code_includes_the_middles_of_its_sides()
    {
        // gdaltransform -s_srs <laea> -t_srs EPSG:4326 of the corners and the middles of the sides of
        // (-50000, -30000) - (50000, 30000): the middle of the top side (3, 45.2699443394936) is north of the corners.
        var box = await _reader.ToLongitudeLatitudeAsync(_laea.Raster!.Extent!, _laea.Raster.Crs!);

        Assert.That(new[] { box.MinX, box.MinY, box.MaxX, box.MaxY },
            Is.EqualTo(new[] { 2.36287689788183, 44.7282998095215, 3.63712310211817, 45.2699443394936 }).Within(1e-9));
    }

    [Test]
    public void Reading_leaves_the_files_directory_as_it_was()
    {
        Assert.That(Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(_created));
    }

    [Test]
    public void A_missing_file_is_a_FileNotFoundException()
    {
        Assert.That(() => _reader.ReadAsync(Path.Combine(_dir.Path, "none.tif"), "image/tiff"), Throws.TypeOf<FileNotFoundException>());
    }

    [Test]
    public void A_missing_tool_names_the_gdal_bin_package()
    {
        var reader = new GeoDataReader(new GdalTools("/nonexistent/gdalinfo", "/nonexistent/ogrinfo", TimeSpan.FromSeconds(5)));

        Assert.That(() => reader.ReadAsync(Path.Combine(_dir.Path, "note.txt"), null), Throws.TypeOf<GeoDataException>().With.Message.EqualTo(
            "The GDAL tool /nonexistent/gdalinfo does not exist: install the gdal-bin package (GDAL's command-line tools) or correct its path."));
    }

    [Test]
    public void A_gdalinfo_that_succeeds_without_its_JSON_is_a_GeoDataException()
    {
        using var tools = new TempDirectory();
        var gdalinfo = GdalFixtures.Script(Path.Combine(tools.Path, "gdalinfo"), "echo 'not json'");
        var reader = new GeoDataReader(new GdalTools(gdalinfo, "ogrinfo", TimeSpan.FromSeconds(5)));

        Assert.That(() => reader.ReadAsync(Path.Combine(_dir.Path, "note.txt"), null), Throws.TypeOf<GeoDataException>().With.Message.EqualTo(
            $"{gdalinfo} succeeded but its answer is not gdalinfo's JSON with a size."));
    }

    [Test]
    public void A_tool_that_does_not_finish_in_time_is_killed()
    {
        using var tools = new TempDirectory();
        var gdalinfo = GdalFixtures.Script(Path.Combine(tools.Path, "gdalinfo"), "exec sleep 30");
        var reader = new GeoDataReader(new GdalTools(gdalinfo, "ogrinfo", TimeSpan.FromMilliseconds(300)));
        var file = Path.Combine(_dir.Path, "note.txt");

        Assert.That(() => reader.ReadAsync(file, null), Throws.TypeOf<GeoDataException>().With.Message.EqualTo(
            $"The GDAL tool {gdalinfo} did not finish within 0.3 seconds on {file} and was killed."));
    }

    [Test]
    public void A_failing_gdaltransform_is_a_GeoDataException()
    {
        using var tools = new TempDirectory();
        var gdaltransform = GdalFixtures.Script(Path.Combine(tools.Path, "gdaltransform"), "echo 'ERROR 1: bad CRS' >&2; exit 1");
        var reader = new GeoDataReader(GdalTools.Default with { GdalTransform = gdaltransform });

        Assert.That(() => reader.ToLongitudeLatitudeAsync(new Extent(0, 0, 1, 1), new Crs(null, false, "PROJCRS[\"x\"]")),
            Throws.TypeOf<GeoDataException>().With.Message.EqualTo(
                "gdaltransform could not bring the data's extent to longitude/latitude: ERROR 1: bad CRS"));
    }

    [TestCase("/data/cache/x.zca", "application/zip", "/vsizip/{/data/cache/x.zca}")]
    [TestCase("/data/cache/x.zca", "application/x-zipped-shp", "/vsizip/{/data/cache/x.zca}")]
    [TestCase("/data/odd}name.zca", "application/zip", "/vsizip//data/odd}name.zca")]
    [TestCase("/data/cache/x.zip", "application/json", "/data/cache/x.zip")]
    [TestCase("/data/cache/x.tif", null, "/data/cache/x.tif")]
    public void A_zip_archive_is_opened_through_vsizip(string path, string? mimeType, string dataset)
    {
        Assert.That(GeoDataReader.DatasetName(path, mimeType), Is.EqualTo(dataset));
    }

    // ---------------------------------------------------------------- tools started ahead (Prepare)

    [Test]
    public async Task A_vector_read_with_ogrinfo_started_ahead_answers_as_a_plain_read()
    {
        using var pending = _reader.Prepare("application/json");
        var read = await _reader.ReadAsync(Path.Combine(_dir.Path, "points.geojson"), "application/json", CancellationToken.None, pending);

        Assert.That((read.Kind, read.Features, read.Layers[0].Crs!.EpsgCode), Is.EqualTo((GeoDataType.Vector, 2L, "EPSG:4326")));
    }

    [Test]
    public async Task A_raster_read_with_gdalinfo_started_ahead_answers_as_a_plain_read()
    {
        using var pending = _reader.Prepare("image/tiff");
        var read = await _reader.ReadAsync(Path.Combine(_dir.Path, "utm.tif"), "image/tiff", CancellationToken.None, pending);

        Assert.That((read.Kind, read.Raster!.Width, read.Raster.Crs!.EpsgCode), Is.EqualTo((GeoDataType.Raster, 30L, "EPSG:32631")));
    }

    [Test]
    public async Task A_file_whose_name_holds_quotes_backslashes_and_a_leading_dash_is_read_with_a_tool_started_ahead()
    {
        var odd = Path.Combine(_dir.Path, "-odd \"name\" \\ 'q'.geojson");
        File.Copy(Path.Combine(_dir.Path, "points.geojson"), odd, overwrite: true);
        try
        {
            using var pending = _reader.Prepare("application/json");
            var read = await _reader.ReadAsync(odd, "application/json", CancellationToken.None, pending);

            Assert.That((read.Kind, read.Features), Is.EqualTo((GeoDataType.Vector, 2L)));
        }
        finally
        {
            File.Delete(odd);
        }
    }

    [Test]
    public async Task A_tool_started_ahead_is_given_its_options_on_its_standard_input()
    {
        using var tools = new TempDirectory();
        var ogrinfo = GdalFixtures.Script(Path.Combine(tools.Path, "ogrinfo"),
            $"printf '%s\\n' \"$@\" > '{tools.Path}/args'; cat > '{tools.Path}/stdin'; printf 'Layer name: fake\\nGeometry: Point\\nFeature Count: 3\\n'");
        var reader = new GeoDataReader(new GdalTools("gdalinfo", ogrinfo, TimeSpan.FromSeconds(10)));
        var file = Path.Combine(_dir.Path, "points.geojson");

        using var pending = reader.Prepare("application/json");
        var read = await reader.ReadAsync(file, "application/json", CancellationToken.None, pending);

        Assert.That((File.ReadAllText(Path.Combine(tools.Path, "args")), File.ReadAllText(Path.Combine(tools.Path, "stdin")), read.Features),
            Is.EqualTo(("--config\nGDAL_PAM_ENABLED\nNO\n--optfile\n/dev/stdin\n", $"\"-ro\" \"-so\" \"-al\" \"-nomd\" \"{file}\"\n", 3L)));
    }

    [Test]
    public void An_option_line_quotes_each_option_and_escapes_quotes_and_backslashes()
    {
        Assert.That(GdalToolRunner.OptionLine(["-json", "/data/a \"b\"\\c.tif"]), Is.EqualTo("\"-json\" \"/data/a \\\"b\\\"\\\\c.tif\"\n"));
    }

    [TestCase("/data/a\nb.tif")]
    [TestCase("/data/a\rb.tif")]
    public void An_option_with_a_line_break_cannot_be_given_on_one_line(string option)
    {
        Assert.That(() => GdalToolRunner.OptionLine([option]), Throws.ArgumentException);
    }
}
