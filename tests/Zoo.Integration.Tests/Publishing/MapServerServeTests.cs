using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Publishing;

/// <summary>
/// serve.sh serves MapServer 8 (Debian's cgi-mapserver) as /cgi-bin/mapserv through the same web server as the
/// kernel (nginx + fcgiwrap, or Apache + mod_cgid), with a MapServer configuration file that admits the mapfiles
/// directly in the served copy's [main] dataPath, and no other. The mapfiles are written by hand here, in the form the kernel writes them
/// (one per output, [ms_web_metadata] of main.cfg copied into WEB METADATA); MapServer answers a refused
/// mapfile with an HTML error page and HTTP 200, so the tests look at the answer's body.
/// </summary>
[TestFixture("nginx")]
[TestFixture("apache")]
public sealed class MapServerServeTests(string server)
{
    private const string GetMap =
        "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=Result&CRS=EPSG:4326&BBOX=0,0,10,20&WIDTH=200&HEIGHT=100&FORMAT=image/png";

    private ServiceDirectory _dist = null!;
    private ServeScript? _server;
    private HttpClient _http = null!;
    private string _dataPath = null!;
    private string _outside = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _dataPath = Path.Combine(_dist.Path, "data");
        _dist.SetConfig("main", "dataPath", _dataPath);
        Directory.CreateDirectory(_dataPath);
        WriteRasterMap(_dataPath, "raster");
        WritePointsMap(_dataPath, "points");
        // Valid mapfiles elsewhere: refused for where they are, not for what they hold.
        _outside = Path.Combine(_dist.Path, "outside");
        Directory.CreateDirectory(_outside);
        WriteRasterMap(_outside, "raster");
        Directory.CreateDirectory(Path.Combine(_dataPath, "sub"));
        WriteRasterMap(Path.Combine(_dataPath, "sub"), "raster");
        // "<copy>/evil\n<dataPath>/raster.map": MapServer matches its patterns line by line, so only the served
        // configuration's bad pattern (control characters) keeps this one out.
        // Its data is the one in dataPath, so that the mapfile itself loads.
        var newlineTrick = Path.Combine(_dist.Path, "evil") + "\n" + _dataPath;
        Directory.CreateDirectory(newlineTrick);
        WriteRasterMap(newlineTrick, "raster", _dataPath);

        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _server = ServeScript.Start(_dist.Path, Enum.Parse<WebServer>(server, ignoreCase: true));
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _server?.Dispose();
        _http?.Dispose();
        _dist?.Dispose();
    }

    private Uri MapServer(string map, string query) =>
        new($"http://127.0.0.1:{_server!.Port}/cgi-bin/mapserv?map={Uri.EscapeDataString(map)}&{query}");

    private (HttpStatusCode Status, string? ContentType, byte[] Body) Get(Uri uri)
    {
        using var response = _http.GetAsync(uri).Result;
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.ReadAsByteArrayAsync().Result);
    }

    [Test]
    public void A_WMS_1_3_0_GetMap_without_STYLES_on_a_mapfile_in_dataPath_is_a_PNG_of_the_asked_size()
    {
        var (status, type, body) = Get(MapServer(Path.Combine(_dataPath, "raster.map"), GetMap));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(type, Is.EqualTo("image/png"), Encoding.UTF8.GetString(body));
            Assert.That(PngSize(body), Is.EqualTo((200, 100)));
        });
    }

    [Test]
    public void A_WFS_GetFeature_on_a_vector_mapfile_in_dataPath_returns_its_three_points()
    {
        var (status, _, body) = Get(MapServer(Path.Combine(_dataPath, "points.map"),
            "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=Result"));
        var text = Encoding.UTF8.GetString(body);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("numberMatched=\"3\" numberReturned=\"3\""), text);
        });
    }

    [TestCase("outside", TestName = "A mapfile outside dataPath is refused")]
    [TestCase("dotdot", TestName = "A mapfile reached through dataPath/.. is refused")]
    [TestCase("sub", TestName = "A mapfile in a directory below dataPath is refused")]
    [TestCase("newline", TestName = "A mapfile named with a newline before dataPath is refused")]
    [TestCase("passwd", TestName = "A file that is no mapfile (/etc/passwd) is refused")]
    public void Refused(string which)
    {
        var map = which switch
        {
            "outside" => Path.Combine(_outside, "raster.map"),
            "dotdot" => _dataPath + "/../outside/raster.map",
            "sub" => Path.Combine(_dataPath, "sub", "raster.map"),
            "newline" => Path.Combine(_dist.Path, "evil") + "\n" + _dataPath + "/raster.map",
            "passwd" => "/etc/passwd",
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };

        var (_, type, body) = Get(MapServer(map, GetMap));
        var text = Encoding.UTF8.GetString(body);

        Assert.Multiple(() =>
        {
            Assert.That(type, Is.Not.EqualTo("image/png"));
            Assert.That(text, Does.Contain("msCGILoadMap()").And.Contain("fails to validate"), text);
        });
    }

    [TestCase("/cgi-bin/mapserv/x")]
    [TestCase("/cgi-bin/mapserver.conf")]
    [TestCase("/cgi-bin/main.cfg")]
    public void Nothing_else_of_cgi_bin_is_served(string path)
    {
        var (status, _, _) = Get(new Uri($"http://127.0.0.1:{_server!.Port}{path}"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>Width and height from a PNG's IHDR chunk; fails the test when the body is no PNG.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
            Assert.Fail("not a PNG: " + Encoding.UTF8.GetString(png));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>A 64 x 32 grid over lon 0..20, lat 0..10 (an ESRI ASCII grid, which MapServer reads through GDAL)
    /// in <paramref name="dataDirectory"/> (default: beside the mapfile), and its mapfile.</summary>
    private static void WriteRasterMap(string directory, string name, string? dataDirectory = null)
    {
        var grid = new StringBuilder("ncols 64\nnrows 32\nxllcorner 0\nyllcorner 0\ncellsize 0.3125\nNODATA_value -9999\n");
        for (var row = 0; row < 32; row++)
            grid.AppendLine(string.Join(' ', Enumerable.Range(0, 64).Select(column => (column * 10).ToString(CultureInfo.InvariantCulture))));
        var data = Path.Combine(dataDirectory ?? directory, name + ".asc");
        if (dataDirectory is null)
            File.WriteAllText(data, grid.ToString());
        File.WriteAllText(Path.Combine(directory, name + ".map"), $$"""
            MAP
              NAME "{{name}}"
              STATUS ON
              SIZE 640 320
              EXTENT 0 0 20 10
              UNITS DD
              IMAGETYPE "png"
              PROJECTION
                "init=epsg:4326"
              END
              OUTPUTFORMAT
                NAME "png"
                DRIVER "AGG/PNG"
                MIMETYPE "image/png"
                IMAGEMODE RGBA
                TRANSPARENT ON
                EXTENSION "png"
              END
              OUTPUTFORMAT
                NAME "geotiff"
                DRIVER "GDAL/GTiff"
                MIMETYPE "image/tiff"
                IMAGEMODE FLOAT32
                EXTENSION "tif"
              END
              WEB
                METADATA
                  "ows_title" "{{name}}"
                  "ows_srs" "EPSG:4326 EPSG:3857"
                  "ows_enable_request" "*"
                  "wms_allow_getmap_without_styles" "true"
                END
                VALIDATION
                  "immutable" "true"
                END
              END
              LAYER
                NAME "Result"
                TYPE RASTER
                STATUS ON
                DATA "{{data}}"
                PROCESSING "SCALE=AUTO"
                PROJECTION
                  "init=epsg:4326"
                END
                METADATA
                  "ows_title" "Result"
                  "wcs_formats" "geotiff"
                  "wcs_bandcount" "1"
                END
              END
            END

            """);
    }

    /// <summary>Three points in a GeoJSON file and their mapfile.</summary>
    private static void WritePointsMap(string directory, string name)
    {
        var data = Path.Combine(directory, name + ".geojson");
        File.WriteAllText(data, """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":1,"name":"a"},"geometry":{"type":"Point","coordinates":[2,3]}},
            {"type":"Feature","properties":{"id":2,"name":"b"},"geometry":{"type":"Point","coordinates":[7,5]}},
            {"type":"Feature","properties":{"id":3,"name":"c"},"geometry":{"type":"Point","coordinates":[12,7]}}]}
            """);
        File.WriteAllText(Path.Combine(directory, name + ".map"), $$"""
            MAP
              NAME "{{name}}"
              STATUS ON
              SIZE 640 320
              EXTENT 0 0 20 10
              UNITS DD
              IMAGETYPE "png"
              PROJECTION
                "init=epsg:4326"
              END
              SYMBOL
                NAME "circle"
                TYPE ELLIPSE
                FILLED TRUE
                POINTS 1 1 END
              END
              OUTPUTFORMAT
                NAME "png"
                DRIVER "AGG/PNG"
                MIMETYPE "image/png"
                IMAGEMODE RGBA
                TRANSPARENT ON
                EXTENSION "png"
              END
              WEB
                METADATA
                  "ows_title" "{{name}}"
                  "ows_srs" "EPSG:4326 EPSG:3857"
                  "ows_enable_request" "*"
                  "wms_allow_getmap_without_styles" "true"
                END
                VALIDATION
                  "immutable" "true"
                END
              END
              LAYER
                NAME "Result"
                TYPE POINT
                STATUS ON
                CONNECTIONTYPE OGR
                CONNECTION "{{data}}"
                PROJECTION
                  "init=epsg:4326"
                END
                METADATA
                  "ows_title" "Result"
                  "gml_include_items" "all"
                  "gml_featureid" "id"
                END
                CLASS
                  NAME "Result"
                  STYLE
                    SYMBOL "circle"
                    SIZE 10
                    COLOR 255 0 0
                    OUTLINECOLOR 0 0 0
                  END
                END
              END
            END

            """);
    }
}
