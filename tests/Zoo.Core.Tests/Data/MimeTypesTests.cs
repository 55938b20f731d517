using Zoo.Core.Data;

namespace Zoo.Core.Tests.Data;

public class MimeTypesTests
{
    [TestCase("application/json", "json")]
    [TestCase("text/xml", "xml")]
    [TestCase("image/png", "png")]
    [TestCase("application/geo+json", "geojson")]
    [TestCase("application/vnd.google-earth.kml+xml", "kml")]
    [TestCase("text/plain", "txt")]
    public void A_known_type_gets_its_first_extension(string mimeType, string extension)
    {
        Assert.That(MimeTypes.ExtensionFor(mimeType), Is.EqualTo(extension));
    }

    [TestCase("text/xml; subtype=gml/3.1.1", "xml")]
    [TestCase("text/xml;subtype=gml/2.1.2", "xml")]
    [TestCase("image/tiff; application=geotiff", "tiff")]
    [TestCase("application/json; charset=utf-8", "json")]
    public void Parameters_after_a_known_type_do_not_matter(string mimeType, string extension)
    {
        Assert.That(MimeTypes.ExtensionFor(mimeType), Is.EqualTo(extension));
    }

    [TestCase("image/x-portable-anymap", "x-portable-anymap")]
    [TestCase("image/webp", "webp")]
    [TestCase("image/jp2; q=1", "jp2")]
    public void An_unknown_image_type_is_its_subtype(string mimeType, string extension)
    {
        Assert.That(MimeTypes.ExtensionFor(mimeType), Is.EqualTo(extension));
    }

    [TestCase("application/x-unknown")]
    [TestCase("video/mp4")]
    [TestCase("")]
    [TestCase(null)]
    public void Anything_else_is_txt(string? mimeType)
    {
        Assert.That(MimeTypes.ExtensionFor(mimeType), Is.EqualTo("txt"));
    }

    [TestCase("image/../x")]
    [TestCase("image/a/b")]
    [TestCase("image/")]
    [TestCase("image/a b")]
    [TestCase("image/x\0y")]
    [TestCase("image/abcdefghijklmnopqrstuvwxyz0123456789")]
    public void An_image_subtype_that_is_not_a_plain_token_is_txt(string mimeType)
    {
        Assert.That(MimeTypes.ExtensionFor(mimeType), Is.EqualTo("txt"));
    }
}
