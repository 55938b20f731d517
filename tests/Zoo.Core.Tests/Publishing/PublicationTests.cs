using Zoo.Core.Geo;
using Zoo.Core.Publishing;

namespace Zoo.Core.Tests.Publishing;

/// <summary>Publication.Url: ZOO's WMS, WCS and WFS URLs under mapserverAddress, written out in full.</summary>
public class PublicationTests
{
    private const string MapServer = "http://127.0.0.1:8080/cgi-bin/mapserv";

    private static Publication Utm(string address = MapServer, string mapfile = "/var/zoo/data/out_0_u1.map") =>
        new(address, mapfile, "out", GeoDataType.Raster, "EPSG:32631", new Extent(500000, 4648000, 503000, 4650000), false, "1.0.0");

    /// <summary>10 degrees of latitude by 20 of longitude: a 5 % margin of 0.5 and 1 degree.</summary>
    private static Publication Wgs84(string crs = "EPSG:4326") =>
        new(MapServer, "/var/zoo/data/pts_0_u2.map", "pts", GeoDataType.Vector, crs, new Extent(0, 40, 20, 50), true, "1.1.0");

    [Test]
    public void The_WMS_URL_asks_for_a_PNG_map_of_the_extent_with_a_margin_sized_to_fit_640_by_480()
    {
        // 3000 x 2000 m plus 150 and 100 m on each side: 3300 x 2200, 640 x 427 pixels.
        Assert.That(Utm().Url(OgcService.Wms), Is.EqualTo(
            "http://127.0.0.1:8080/cgi-bin/mapserv?map=/var/zoo/data/out_0_u1.map&request=GetMap&service=WMS&version=1.3.0&layers=out"
            + "&styles=&width=640&height=427&format=image/png&bbox=499850,4647900,503150,4650100&crs=EPSG:32631"));
    }

    [Test]
    public void The_WCS_URL_asks_for_the_GeoTIFF_coverage_of_the_extent()
    {
        Assert.That(Utm().Url(OgcService.Wcs), Is.EqualTo(
            "http://127.0.0.1:8080/cgi-bin/mapserv?map=/var/zoo/data/out_0_u1.map&request=GetCoverage&service=WCS&version=2.0.0&coverageid=out"
            + "&format=image/tiff&bbox=500000,4648000,503000,4650000&crs=EPSG:32631"));
    }

    [Test]
    public void The_WFS_URL_asks_for_GML_features_of_the_extent_longitude_first_in_the_WFS_version_given()
    {
        Assert.That(Wgs84().Url(OgcService.Wfs), Is.EqualTo(
            "http://127.0.0.1:8080/cgi-bin/mapserv?map=/var/zoo/data/pts_0_u2.map&request=GetFeature&service=WFS&version=1.1.0&typename=pts"
            + "&format=text/xml&bbox=0,40,20,50&crs=EPSG:4326"));
    }

    [Test]
    public void The_WFS_URL_for_json_asks_for_GeoJSON()
    {
        Assert.That(Wgs84().Url(OgcService.Wfs, geoJson: true), Is.EqualTo(
            "http://127.0.0.1:8080/cgi-bin/mapserv?map=/var/zoo/data/pts_0_u2.map&request=GetFeature&service=WFS&version=1.1.0&typename=pts"
            + "&outputformat=geojson&bbox=0,40,20,50&crs=EPSG:4326"));
    }

    [Test]
    public void The_WMS_bbox_of_a_geographic_EPSG_CRS_is_latitude_first_with_the_margin()
    {
        // (0 40, 20 50) grown by 1 and 0.5 degrees: longitude -1..21, latitude 39.5..50.5; 22 x 11 fits 640 x 320.
        Assert.That(Wgs84().Url(OgcService.Wms), Is.EqualTo(
            "http://127.0.0.1:8080/cgi-bin/mapserv?map=/var/zoo/data/pts_0_u2.map&request=GetMap&service=WMS&version=1.3.0&layers=pts"
            + "&styles=&width=640&height=320&format=image/png&bbox=39.5,-1,50.5,21&crs=EPSG:4326"));
    }

    [Test]
    public void The_WMS_bbox_of_a_geographic_CRS_that_is_no_EPSG_code_stays_longitude_first()
    {
        Assert.That(Wgs84("CRS:84").Url(OgcService.Wms), Does.EndWith("&bbox=-1,39.5,21,50.5&crs=CRS:84"));
    }

    [Test]
    public void An_address_with_a_query_already_goes_on_with_an_ampersand()
    {
        Assert.That(Utm(address: "http://host/mapserv.fcgi?key=1").Url(OgcService.Wcs),
            Does.StartWith("http://host/mapserv.fcgi?key=1&map=/var/zoo/data/out_0_u1.map&request=GetCoverage&"));
    }

    [Test]
    public void Odd_characters_of_the_mapfile_path_are_percent_encoded()
    {
        var publication = Utm(mapfile: "/var/zoo/my data/a&b#c+d%e=f?é~_-.map");

        Assert.That(publication.Url(OgcService.Wcs), Does.StartWith(
            "http://127.0.0.1:8080/cgi-bin/mapserv?map=/var/zoo/my%20data/a%26b%23c%2Bd%25e%3Df%3F%C3%A9~_-.map&request="));
    }

    [Test]
    public void Odd_characters_of_the_layer_name_are_percent_encoded()
    {
        var publication = Utm() with { Layer = "a b&c" };

        Assert.That(publication.Url(OgcService.Wcs), Does.Contain("&coverageid=a%20b%26c&"));
    }

    [Test]
    public void Odd_characters_of_the_WFS_version_are_percent_encoded()
    {
        var publication = Wgs84() with { WfsVersion = "1.1.0&x=y" };

        Assert.That(publication.Url(OgcService.Wfs), Does.Contain("&version=1.1.0%26x%3Dy&typename=pts&"));
    }

    [Test]
    public void Another_layer_can_be_named_in_the_URL()
    {
        Assert.That(Utm().Url(OgcService.Wms, layer: "density"), Does.Contain("&layers=density&"));
    }

    [TestCase(OgcService.Wms, false, "image/png")]
    [TestCase(OgcService.Wcs, false, "image/tiff")]
    [TestCase(OgcService.Wfs, false, "text/xml")]
    [TestCase(OgcService.Wfs, true, "application/json")]
    public void Each_URL_answers_with_its_services_format(OgcService service, bool geoJson, string mimeType)
    {
        Assert.That(Publication.MimeTypeOf(service, geoJson), Is.EqualTo(mimeType));
    }
}
