using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Wps;

public class WpsVersionTests
{
    [TestCase("1.0.0")]
    [TestCase("1.0.0.1")]
    public void A_1_0_0_prefix_is_version_1_0_0(string text)
    {
        Assert.That(WpsVersion.Find(text), Is.SameAs(WpsVersion.V100));
    }

    [TestCase("2.0.0")]
    [TestCase("2.0.0-draft")]
    public void A_2_0_0_prefix_is_version_2_0_0(string text)
    {
        Assert.That(WpsVersion.Find(text), Is.SameAs(WpsVersion.V200));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("1.0")]
    [TestCase("2.0")]
    [TestCase("3.0.0")]
    public void Anything_else_is_no_version(string? text)
    {
        Assert.That(WpsVersion.Find(text), Is.Null);
    }

    [Test]
    public void A_1_0_0_schema_location_names_the_operation_response()
    {
        Assert.That(WpsVersion.V100.SchemaLocation("Execute"),
            Is.EqualTo("http://www.opengis.net/wps/1.0.0 http://schemas.opengis.net/wps/1.0.0/wpsExecute_response.xsd"));
    }

    [Test]
    public void A_2_0_0_schema_location_is_always_wps_xsd()
    {
        Assert.That(WpsVersion.V200.SchemaLocation("Execute"), Is.EqualTo("http://www.opengis.net/wps/2.0 http://schemas.opengis.net/wps/2.0/wps.xsd"));
    }
}
