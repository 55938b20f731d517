using Zoo.Core.Geo;
using Zoo.Core.Publishing;

namespace Zoo.Core.Tests.Publishing;

/// <summary>OgcServiceChoice: msOgc, else the requested mime type, chooses the service; the data's kind limits it.</summary>
public class OgcServiceChoiceTests
{
    [TestCase("WMS", "image/tiff", GeoDataType.Raster, OgcService.Wms)]
    [TestCase("WMS", "text/xml", GeoDataType.Vector, OgcService.Wms)]
    [TestCase("WCS", "image/png", GeoDataType.Raster, OgcService.Wcs)]
    [TestCase("WFS", "image/png", GeoDataType.Vector, OgcService.Wfs)]
    public void MsOgc_wins_over_the_mime_type(string msOgc, string mimeType, GeoDataType kind, OgcService service)
    {
        Assert.That(OgcServiceChoice.For(msOgc, mimeType, kind), Is.EqualTo(service));
    }

    [TestCase("wms", OgcService.Wms)]
    [TestCase("WMS 1.3.0", OgcService.Wms)]
    [TestCase("wfs", OgcService.Wfs)]
    public void MsOgc_is_read_without_regard_to_case_by_its_start(string msOgc, OgcService service)
    {
        Assert.That(OgcServiceChoice.For(msOgc, null, GeoDataType.Vector), Is.EqualTo(service));
    }

    [TestCase("WCS")]
    [TestCase("OGC API")]
    public void Any_other_msOgc_is_WCS(string msOgc)
    {
        Assert.That(OgcServiceChoice.For(msOgc, "text/xml", GeoDataType.Raster), Is.EqualTo(OgcService.Wcs));
    }

    [Test]
    public void An_empty_msOgc_leaves_the_choice_to_the_mime_type()
    {
        Assert.That(OgcServiceChoice.For("", "image/tiff", GeoDataType.Raster), Is.EqualTo(OgcService.Wcs));
    }

    [TestCase("text/xml")]
    [TestCase("text/xml; subtype=gml/3.1.1")]
    public void Text_xml_asks_for_features(string mimeType)
    {
        Assert.That(OgcServiceChoice.For(null, mimeType, GeoDataType.Vector), Is.EqualTo(OgcService.Wfs));
    }

    [TestCase("image/tiff")]
    [TestCase("image/geotiff")]
    [TestCase("IMAGE/TIFF; application=geotiff")]
    public void Image_tiff_asks_for_the_coverage(string mimeType)
    {
        Assert.That(OgcServiceChoice.For(null, mimeType, GeoDataType.Raster), Is.EqualTo(OgcService.Wcs));
    }

    [TestCase("application/json")]
    [TestCase("application/geo+json")]
    public void Json_asks_for_features(string mimeType)
    {
        Assert.That(OgcServiceChoice.For(null, mimeType, GeoDataType.Vector), Is.EqualTo(OgcService.Wfs));
    }

    [TestCase("image/png", GeoDataType.Raster)]
    [TestCase("image/jpeg", GeoDataType.Vector)]
    [TestCase("application/zip", GeoDataType.Vector)]
    [TestCase(null, GeoDataType.Raster)]
    [TestCase("", GeoDataType.Vector)]
    public void Any_other_mime_type_asks_for_a_map(string? mimeType, GeoDataType kind)
    {
        Assert.That(OgcServiceChoice.For(null, mimeType, kind), Is.EqualTo(OgcService.Wms));
    }

    [TestCase(null, "text/xml")]
    [TestCase(null, "application/json")]
    [TestCase("WFS", "image/png")]
    public void A_raster_is_never_offered_as_features_but_as_its_coverage(string? msOgc, string mimeType)
    {
        Assert.That(OgcServiceChoice.For(msOgc, mimeType, GeoDataType.Raster), Is.EqualTo(OgcService.Wcs));
    }

    [TestCase(null, "image/tiff")]
    [TestCase("WCS", "image/png")]
    public void A_vector_is_never_offered_as_a_coverage_but_as_its_features(string? msOgc, string mimeType)
    {
        Assert.That(OgcServiceChoice.For(msOgc, mimeType, GeoDataType.Vector), Is.EqualTo(OgcService.Wfs));
    }

    [TestCase("application/json", true)]
    [TestCase("application/json; charset=utf-8", true)]
    [TestCase("application/geo+json", true)]
    [TestCase("text/xml", false)]
    [TestCase("image/png", false)]
    [TestCase(null, false)]
    public void Only_a_json_type_asks_the_WFS_for_GeoJSON(string? mimeType, bool json)
    {
        Assert.That(OgcServiceChoice.WantsJson(mimeType), Is.EqualTo(json));
    }
}
