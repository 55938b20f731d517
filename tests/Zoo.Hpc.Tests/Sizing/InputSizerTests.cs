using System.Diagnostics;
using System.IO.Compression;
using Zoo.Core.Geo;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Sizing;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Sizing;

/// <summary>InputSizer against the real gdalinfo/ogrinfo on files made by gdal_create and ogr2ogr, and against fake tools.</summary>
public class InputSizerTests
{
    private TempDirectory _dir = null!;
    private string _raster = null!;
    private string _png = null!;
    private string _geoJson = null!;
    private string _gpkg = null!;
    private string _shapefile = null!;
    private readonly InputSizer _sizer = new();

    [OneTimeSetUp]
    public void MakeFixtures()
    {
        _dir = new TempDirectory();
        _raster = GdalFixtures.Raster(_dir.Path, "r.tif", 300, 200, 3);
        // The tests of how GDAL's tools are run: a TIFF is sized from its header, without them.
        _png = GdalFixtures.Png(_dir.Path, "r.png", 300, 200);
        _geoJson = GdalFixtures.GeoJson(_dir.Path, "points.geojson", 7);
        _gpkg = GdalFixtures.Convert(_geoJson, _dir.Path, "points.gpkg", "GPKG", "points");
        _shapefile = GdalFixtures.Convert(_geoJson, _dir.Path, "points.shp", "ESRI Shapefile", "points");
    }

    [OneTimeTearDown]
    public void RemoveFixtures() => _dir.Dispose();

    [Test]
    public async Task A_raster_counts_width_times_height_pixels_not_bands()
    {
        var size = await _sizer.MeasureAsync(_raster, "image/tiff");

        Assert.That(size, Is.EqualTo(DatasetSize.Raster(60000)));
    }

    [Test]
    public async Task A_single_band_raster_has_as_many_pixels()
    {
        var path = GdalFixtures.Raster(_dir.Path, "one-band.tif", 300, 200, 1);

        Assert.That((await _sizer.MeasureAsync(path, "image/tiff")).Pixels, Is.EqualTo(60000));
    }

    [Test]
    public async Task A_cache_file_is_recognised_by_its_content_not_its_name()
    {
        var cached = _dir.PathOf("input_0.zca");
        File.Copy(_raster, cached, overwrite: true);

        Assert.That(await _sizer.MeasureAsync(cached, "image/tiff"), Is.EqualTo(DatasetSize.Raster(60000)));
    }

    [Test]
    public async Task A_file_name_that_looks_like_an_option_or_has_shell_characters_is_just_a_file()
    {
        var odd = _dir.PathOf("-odd name $(touch x); 'q'.tif");
        File.Copy(_raster, odd, overwrite: true);

        Assert.That(await _sizer.MeasureAsync(odd, "image/tiff"), Is.EqualTo(DatasetSize.Raster(60000)));
        Assert.That(File.Exists(_dir.PathOf("x")), Is.False);
    }

    [TestCase("application/json")]
    [TestCase("application/geo+json")]
    [TestCase(null)]
    public async Task A_geojson_counts_its_features(string? mimeType)
    {
        var size = await _sizer.MeasureAsync(_geoJson, mimeType);

        Assert.That(size, Is.EqualTo(DatasetSize.Vector(7)));
    }

    [Test]
    public async Task A_geopackage_counts_its_features()
    {
        Assert.That(await _sizer.MeasureAsync(_gpkg, "application/geopackage+sqlite3"), Is.EqualTo(DatasetSize.Vector(7)));
    }

    [Test]
    public async Task A_shapefile_counts_its_features()
    {
        Assert.That(await _sizer.MeasureAsync(_shapefile, "application/x-esri-shape"), Is.EqualTo(DatasetSize.Vector(7)));
    }

    [Test]
    public async Task A_zipped_shapefile_cache_file_is_read_through_vsizip()
    {
        var zip = _dir.PathOf("shapefile_0.zca");
        File.Delete(zip);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var extension in new[] { ".shp", ".shx", ".dbf", ".prj" })
                archive.CreateEntryFromFile(Path.ChangeExtension(_shapefile, extension), "points" + extension);
        }

        Assert.That(await _sizer.MeasureAsync(zip, "application/zip"), Is.EqualTo(DatasetSize.Vector(7)));
    }

    [Test]
    public async Task A_multi_layer_geopackage_sums_its_layers_features()
    {
        // ZOO keeps the last layer's count (5); every layer is data the job processes.
        var five = GdalFixtures.GeoJson(_dir.Path, "five.geojson", 5);
        var empty = GdalFixtures.GeoJson(_dir.Path, "none.geojson", 0);
        var gpkg = GdalFixtures.Convert(_geoJson, _dir.Path, "layers.gpkg", "GPKG", "seven");
        GdalFixtures.AddLayer(gpkg, five, "five");
        GdalFixtures.AddLayer(gpkg, empty, "empty");

        Assert.That(await _sizer.MeasureAsync(gpkg, null), Is.EqualTo(DatasetSize.Vector(12)));
    }

    [Test]
    public async Task A_vector_only_dataset_has_no_pixels()
    {
        // Tried as a raster first (no vector mime type): it must not come out as GDAL's 512x512 without bands.
        var size = await _sizer.MeasureAsync(_gpkg, null);

        Assert.That(size.Kind, Is.EqualTo(GeoDataType.Vector));
        Assert.That(size.Pixels, Is.Zero);
    }

    [Test]
    public async Task A_raster_answer_without_bands_is_not_a_raster()
    {
        // The 512x512x0 quirk, as libgdal reports a vector dataset opened for rasters and vectors at once.
        var gdalinfo = GdalFixtures.Script(_dir.Path, "gdalinfo-no-bands", """echo '{"size":[512,512],"bands":[]}'""");
        var sizer = new InputSizer(GdalTools.Default with { GdalInfo = gdalinfo });

        Assert.That(await sizer.MeasureAsync(_gpkg, null), Is.EqualTo(DatasetSize.Vector(7)));
    }

    [Test]
    public async Task A_text_file_is_not_geodata()
    {
        var text = _dir.Write("notes.txt", "hello, this is not geodata\n");

        var size = await _sizer.MeasureAsync(text, "text/plain");

        Assert.That(size.Kind, Is.EqualTo(GeoDataType.Other));
        Assert.That(size.Count, Is.Zero);
        Assert.That(size.Reason, Does.Contain("not recognized as a supported file format"));
    }

    [Test]
    public async Task An_empty_file_is_not_geodata()
    {
        var empty = _dir.Write("empty.json", "");

        Assert.That((await _sizer.MeasureAsync(empty, "application/json")).Kind, Is.EqualTo(GeoDataType.Other));
    }

    [Test]
    public async Task A_missing_file_is_reported()
    {
        var missing = _dir.PathOf("not-there.tif");

        var error = (await Assert.ThrowsAsync<FileNotFoundException>(() => _sizer.MeasureAsync(missing, "image/tiff")))!;

        Assert.That(error.FileName, Is.EqualTo(missing));
        Assert.That(error.Message, Does.Contain(missing));
    }

    [Test]
    public async Task A_missing_tool_names_the_package_to_install()
    {
        var byPath = new InputSizer(GdalTools.Default with { GdalInfo = _dir.PathOf("no-such-gdalinfo") });
        var byName = new InputSizer(GdalTools.Default with { OgrInfo = "zoo-test-no-such-ogrinfo" });

        var pathError = (await Assert.ThrowsAsync<GeoDataException>(() => byPath.MeasureAsync(_png, "image/png")))!;
        var nameError = (await Assert.ThrowsAsync<GeoDataException>(() => byName.MeasureAsync(_geoJson, "application/json")))!;

        Assert.That(pathError.Message, Does.Contain("no-such-gdalinfo").And.Contain("gdal-bin"));
        Assert.That(nameError.Message, Does.Contain("zoo-test-no-such-ogrinfo").And.Contain("gdal-bin"));
    }

    [Test]
    public async Task A_hanging_tool_is_killed_at_the_timeout_with_its_children()
    {
        var pidFile = _dir.PathOf("sleep.pid");
        var hanging = GdalFixtures.Script(_dir.Path, "gdalinfo-hangs", $"sleep 60 &\necho $! > '{pidFile}'\nwait");
        var sizer = new InputSizer(GdalTools.Default with { GdalInfo = hanging, Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var error = (await Assert.ThrowsAsync<GeoDataException>(() => sizer.MeasureAsync(_png, "image/png")))!;

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(error.Message, Does.Contain("did not finish within 1 seconds").And.Contain("killed"));
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(() => IsRunning(child), Is.False.After(5000, 100), "the tool's child sleep survived");
    }

    [Test]
    public async Task The_tool_gets_a_closed_stdin_and_the_file_as_one_argument()
    {
        // A tool that read stdin would wait forever if stdin stayed open: the timeout would fire instead.
        var argsFile = _dir.PathOf("args.txt");
        var tool = GdalFixtures.Script(_dir.Path, "gdalinfo-reads-stdin",
            $"cat > /dev/null\nprintf '%s\\n' \"$@\" > '{argsFile}'\necho '{{\"size\":[3,2],\"bands\":[{{}}]}}'");
        var sizer = new InputSizer(GdalTools.Default with { GdalInfo = tool, Timeout = TimeSpan.FromSeconds(20) });
        var spaced = _dir.PathOf("a b.png");
        File.Copy(_png, spaced, overwrite: true);

        var size = await sizer.MeasureAsync(spaced, "image/png");

        Assert.That(size, Is.EqualTo(DatasetSize.Raster(6)));
        Assert.That(File.ReadAllLines(argsFile)[^1], Is.EqualTo(spaced));
    }

    [Test]
    public async Task A_tool_that_succeeds_with_an_unreadable_answer_is_an_error_with_what_it_said_on_stderr()
    {
        var tool = GdalFixtures.Script(_dir.Path, "gdalinfo-garbage", "echo 'not json'\necho 'ERROR 1: the driver broke' >&2");
        var sizer = new InputSizer(GdalTools.Default with { GdalInfo = tool });

        var error = (await Assert.ThrowsAsync<GeoDataException>(() => sizer.MeasureAsync(_png, "image/png")))!;

        Assert.That(error.Message, Does.Contain("the driver broke"));
    }

    [Test]
    public async Task What_a_failing_tool_says_on_stderr_is_the_reason()
    {
        var gdalinfo = GdalFixtures.Script(_dir.Path, "gdalinfo-fails", "echo 'ERROR 4: cannot read that raster' >&2\nexit 1");
        var ogrinfo = GdalFixtures.Script(_dir.Path, "ogrinfo-fails", "echo 'FAILURE:'\necho 'Unable to open datasource' >&2\nexit 1");
        var sizer = new InputSizer(new GdalTools(gdalinfo, ogrinfo, TimeSpan.FromSeconds(20)));

        var size = await sizer.MeasureAsync(_png, "image/png");

        Assert.That(size.Kind, Is.EqualTo(GeoDataType.Other));
        Assert.That(size.Reason, Is.EqualTo("gdalinfo: ERROR 4: cannot read that raster ogrinfo: Unable to open datasource"));
    }

    [Test]
    public void Features_are_the_sum_of_the_numeric_feature_count_lines_of_every_layer()
    {
        const string output = """
            INFO: Open of `x.gpkg'
                  using driver `GPKG' successful.

            Layer name: a
            Geometry: Point
            Feature Count: 7
            Feature Count: Integer (0.0)
            Layer name: b
            Feature Count: -1
            Layer name: c
            Feature Count: 5
            """;

        Assert.That(DatasetSize.Of(GeoDataset.OfVector(OgrInfoText.Parse(output))), Is.EqualTo(DatasetSize.Vector(12)));
    }

    [Test]
    public async Task Real_sizes_choose_preview_for_small_inputs_and_fullres_for_one_input_over_its_threshold()
    {
        var thresholds = new PreviewThresholds(MaxPixels: 100000, MaxFeatures: 10);
        var text = _dir.Write("readme.txt", "not geodata");
        List<InputSize> small =
        [
            await _sizer.SizeAsync("in", _raster, "image/tiff"),
            await _sizer.SizeAsync("vec", _gpkg, "application/geopackage+sqlite3"),
            await _sizer.SizeAsync("doc", text, "text/plain"),
        ];
        var large = await _sizer.SizeAsync("il", GdalFixtures.Raster(_dir.Path, "large.tif", 400, 300, 1), "image/tiff");

        var preview = ConfigurationChoice.Choose(thresholds, small);
        var fullres = ConfigurationChoice.Choose(thresholds, [.. small, large]);

        Assert.That(small, Is.EqualTo(new[]
        {
            new InputSize("in", GeoDataType.Raster, 60000),
            new InputSize("vec", GeoDataType.Vector, 7),
            new InputSize("doc", GeoDataType.Other, 0),
        }));
        Assert.That(preview, Is.EqualTo(new ConfigurationChoice(Resolution.Preview, null)));
        Assert.That(fullres, Is.EqualTo(new ConfigurationChoice(Resolution.Fullres, new InputSize("il", GeoDataType.Raster, 120000))));
    }

    private static bool IsRunning(int pid)
    {
        // Gone, or a zombie nobody has reaped yet (its parent, the killed script, is gone too).
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
            return false;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
