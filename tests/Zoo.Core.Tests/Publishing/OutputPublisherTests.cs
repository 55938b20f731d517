using Zoo.Core.Geo;
using Zoo.Core.Publishing;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Publishing;

/// <summary>OutputPublisher with the real gdalinfo, ogrinfo and gdaltransform on small files, writing into a temporary dataPath.</summary>
public class OutputPublisherTests
{
    private const string MapServer = "http://127.0.0.1:8080/cgi-bin/mapserv";
    private const string Laea = "+proj=laea +lat_0=45 +lon_0=3 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs";

    private TempDirectory _dir = null!;
    private string _data = null!;
    private string _outputs = null!;
    private string _utm = null!;
    private string _laea = null!;

    [OneTimeSetUp]
    public void MakeFixtures()
    {
        _dir = new TempDirectory();
        _outputs = _dir.CreateDirectory("tmp");
        _utm = GdalFixtures.Raster(Path.Combine(_outputs, "utm.tif"), "-outsize", "30", "20", "-bands", "1", "-ot", "Byte",
            "-a_srs", "EPSG:32631", "-a_ullr", "500000", "4650000", "503000", "4648000");
        _laea = GdalFixtures.Raster(Path.Combine(_outputs, "laea.tif"), "-outsize", "100", "60", "-bands", "1", "-ot", "Float32",
            "-a_srs", Laea, "-a_ullr", "-50000", "30000", "50000", "-30000");
    }

    [OneTimeTearDown]
    public void RemoveFixtures() => _dir.Dispose();

    [SetUp]
    public void MakeDataPath() => _data = Path.Combine(_dir.CreateDirectory("data-" + Guid.NewGuid().ToString("N")), "data");

    private MapServerSettings Settings(string? address = MapServer, bool dataPath = true) =>
        new(address, dataPath ? _data : null, "1.0.0", null, null, null, null, null, [], []);

    private OutputPublisher Publisher(MapServerSettings? settings = null) => new(settings ?? Settings(), new GeoDataReader());

    private static PublishedElement Element(string file, string? mimeType, string name = "out", string jobId = "u1") =>
        new(name, 0, jobId, file, mimeType, "Output", null);

    private string Write(string name, string content) => GdalFixtures.Text(Path.Combine(_outputs, name), content);

    [Test]
    public async Task The_mapfile_is_written_into_dataPath_with_ZOOs_name()
    {
        var publication = await Publisher().PublishAsync(Element(_utm, "image/tiff", jobId: "7b1a"), CancellationToken.None);

        Assert.That((publication.MapfilePath, File.Exists(publication.MapfilePath)), Is.EqualTo((Path.Combine(_data, "out_0_7b1a.map"), true)));
    }

    [Test]
    public async Task The_mapfile_reads_the_data_file()
    {
        var publication = await Publisher().PublishAsync(Element(_utm, "image/tiff"), CancellationToken.None);

        Assert.That(MapfileLines.All(File.ReadAllText(publication.MapfilePath)), Does.Contain($"DATA \"{_utm}\""));
    }

    [Test]
    public async Task Each_mapfile_is_added_to_the_maps_list_beside_the_data()
    {
        var data = Path.Combine(_outputs, "listed.tif");
        File.Copy(_utm, data, overwrite: true);

        await Publisher().PublishAsync(Element(data, "image/tiff", "wms_link"), CancellationToken.None);
        await Publisher().PublishAsync(Element(data, "image/tiff", "wcs_link"), CancellationToken.None);

        Assert.That(File.ReadAllText(Path.Combine(_outputs, "listed.maps")),
            Is.EqualTo($"{Path.Combine(_data, "wms_link_0_u1.map")}\n{Path.Combine(_data, "wcs_link_0_u1.map")}\n"));
    }

    [Test]
    public async Task A_raster_in_an_EPSG_CRS_is_published_in_it_with_its_extent()
    {
        var publication = await Publisher().PublishAsync(Element(_utm, "image/tiff"), CancellationToken.None);

        Assert.That((publication.Kind, publication.Crs, publication.IsGeographic, publication.Extent),
            Is.EqualTo((GeoDataType.Raster, "EPSG:32631", false, new Extent(500000, 4648000, 503000, 4650000))));
    }

    [Test]
    public async Task The_publication_addresses_mapserverAddress_and_names_the_element()
    {
        var publication = await Publisher().PublishAsync(Element(_utm, "image/tiff"), CancellationToken.None);

        Assert.That((publication.Address, publication.Layer, publication.WfsVersion), Is.EqualTo((MapServer, "out", "1.0.0")));
    }

    [Test]
    public async Task The_elements_msOgcVersion_is_its_WFS_version()
    {
        var points = Write("versioned.geojson",
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}""");

        var publication = await Publisher().PublishAsync(Element(points, "application/json") with { WfsVersion = "2.0.0" }, CancellationToken.None);

        Assert.That(publication.WfsVersion, Is.EqualTo("2.0.0"));
    }

    [Test]
    public async Task A_raster_in_a_CRS_without_EPSG_code_is_published_in_longitude_latitude()
    {
        // GDAL's wgs84Extent: gdaltransform of the four corners of (-50000, -30000) - (50000, 30000).
        var publication = await Publisher().PublishAsync(Element(_laea, "image/tiff"), CancellationToken.None);

        Assert.That((publication.Crs, publication.IsGeographic), Is.EqualTo(("EPSG:4326", true)));
        Assert.That(new[] { publication.Extent.MinX, publication.Extent.MinY, publication.Extent.MaxX, publication.Extent.MaxY },
            Is.EqualTo(new[] { 2.3628769, 44.7282998, 3.6371231, 45.2681794 }).Within(1e-7));
    }

    [Test]
    public async Task A_single_point_is_given_an_extent_with_area()
    {
        var point = Write("point.geojson",
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[1,2]}}]}""");

        var publication = await Publisher().PublishAsync(Element(point, "application/json"), CancellationToken.None);

        Assert.That(new[] { publication.Extent.MinX, publication.Extent.MinY, publication.Extent.MaxX, publication.Extent.MaxY },
            Is.EqualTo(new[] { 0.999, 1.999, 1.001, 2.001 }).Within(1e-12));
    }

    [Test]
    public async Task A_vector_is_published_in_its_EPSG_CRS()
    {
        var points = Write("points.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[-3.5,-40.25]}},
            {"type":"Feature","properties":{"n":2},"geometry":{"type":"Point","coordinates":[2.5,-38.75]}}]}
            """);

        var publication = await Publisher().PublishAsync(Element(points, "application/json"), CancellationToken.None);

        Assert.That((publication.Kind, publication.Crs, publication.IsGeographic, publication.Extent),
            Is.EqualTo((GeoDataType.Vector, "EPSG:4326", true, new Extent(-3.5, -40.25, 2.5, -38.75))));
    }

    [Test]
    public void A_raster_without_georeferencing_cannot_be_mapped()
    {
        var vrt = Write("plain.vrt", """<VRTDataset rasterXSize="4" rasterYSize="3"><VRTRasterBand dataType="Byte" band="1"/></VRTDataset>""");

        Assert.That(() => Publisher().PublishAsync(Element(vrt, null), CancellationToken.None),
            Throws.TypeOf<PublicationException>().With.Message.EqualTo("Unable to create the mapfile for out because of missing values.")
                .And.Property(nameof(PublicationException.Code)).EqualTo("InternalError"));
    }

    [Test]
    public void Without_mapserverAddress_nothing_is_published()
    {
        Assert.That(() => Publisher(Settings(address: null)).PublishAsync(Element(_utm, "image/tiff"), CancellationToken.None),
            Throws.TypeOf<PublicationException>().With.Message.EqualTo("Unable to find any mapserverAddress defined in the main.cfg file")
                .And.Property(nameof(PublicationException.Code)).EqualTo("InternalError"));
    }

    [Test]
    public void Without_dataPath_nothing_is_published()
    {
        Assert.That(() => Publisher(Settings(dataPath: false)).PublishAsync(Element(_utm, "image/tiff"), CancellationToken.None),
            Throws.TypeOf<PublicationException>().With.Message.EqualTo(
                "Unable to find any dataPath defined in the main.cfg file: the mapfiles of the outputs published through MapServer are written there")
                .And.Property(nameof(PublicationException.Code)).EqualTo("InternalError"));
    }

    [Test]
    public void Data_that_is_not_geographic_is_refused_with_ZOOs_message()
    {
        var text = Write("note.txt", "hello\n");

        Assert.That(() => Publisher().PublishAsync(Element(text, "text/plain"), CancellationToken.None),
            Throws.TypeOf<PublicationException>()
                .With.Message.EqualTo("The ZOO-Kernel was able to retrieve the data but could not read it as geographic data.")
                .And.Property(nameof(PublicationException.Code)).EqualTo("NoApplicableCode"));
    }

    [Test]
    public void A_missing_data_file_is_refused_as_not_geographic()
    {
        Assert.That(() => Publisher().PublishAsync(Element(Path.Combine(_outputs, "none.tif"), "image/tiff"), CancellationToken.None),
            Throws.TypeOf<PublicationException>()
                .With.Message.EqualTo("The ZOO-Kernel was able to retrieve the data but could not read it as geographic data.")
                .And.Property(nameof(PublicationException.Code)).EqualTo("NoApplicableCode"));
    }

    [Test]
    public void A_vector_without_features_is_refused_with_ZOOs_message()
    {
        var empty = Write("empty.geojson", """{"type":"FeatureCollection","features":[]}""");

        Assert.That(() => Publisher().PublishAsync(Element(empty, "application/json"), CancellationToken.None),
            Throws.TypeOf<PublicationException>()
                .With.Message.EqualTo("The ZOO-Kernel was able to retrieve the data but could not access any feature or pixel in the resulting file.")
                .And.Property(nameof(PublicationException.Code)).EqualTo("NoApplicableCode"));
    }

    [Test]
    public void Data_refused_leaves_no_mapfile()
    {
        var empty = Write("empty2.geojson", """{"type":"FeatureCollection","features":[]}""");

        Assert.That(() => Publisher().PublishAsync(Element(empty, "application/json"), CancellationToken.None), Throws.TypeOf<PublicationException>());
        Assert.That(Directory.Exists(_data) ? Directory.GetFiles(_data) : [], Is.Empty);
    }

    [Test]
    public void The_data_of_an_element_without_file_is_stored_in_dataPath_as_ZOO_DATA()
    {
        var path = Publisher().StoreData("out", "u1", "application/json", "{}"u8.ToArray());

        Assert.That((path, File.ReadAllText(path)), Is.EqualTo((Path.Combine(_data, "ZOO_DATA_0_out_u1.json"), "{}")));
    }

    [Test]
    public void Without_dataPath_no_data_is_stored()
    {
        Assert.That(() => Publisher(Settings(dataPath: false)).StoreData("out", "u1", "application/json", []),
            Throws.TypeOf<PublicationException>().With.Message.StartsWith("Unable to find any dataPath defined in the main.cfg file"));
    }
}
