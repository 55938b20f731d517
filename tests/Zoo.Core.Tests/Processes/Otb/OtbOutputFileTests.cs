using Zoo.Core.Processes.Otb;

namespace Zoo.Core.Tests.Processes.Otb;

/// <summary>The extensions of spec/otb2zcfg.md §1: OTB picks the driver it writes with from them.</summary>
public class OtbOutputFileTests
{
    [TestCase("image/png", "png")]
    [TestCase("image/jpeg", "jpeg")]
    [TestCase("image/tiff", "tiff")]
    [TestCase(null, "tiff")]
    [TestCase("text/xml", "gml")]
    [TestCase("text/xml; subtype=gml/3.1.1", "gml")]
    [TestCase("application/zip", "shp")]
    [TestCase("application/vnd.google-earth.kml+xml", "kml")]
    public void The_mime_type_chooses_the_extension(string? mimeType, string extension)
    {
        Assert.That(OtbOutputFile.Extension(mimeType), Is.EqualTo(extension));
    }
}
