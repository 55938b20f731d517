using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>BBoxEcho returns the bounding box it was given, with its CRS, in WPS 1.0.0 and 2.0.0 XML.</summary>
[TestFixture]
public sealed class BoundingBoxExecuteTests
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Ows20 = "http://www.opengis.net/ows/2.0";

    private static readonly string Request10 = Xml10("BBoxEcho",
        "<wps:Input><ows:Identifier>InputBBox</ows:Identifier><wps:Data>" +
        "<wps:BoundingBoxData crs=\"EPSG:3857\" dimensions=\"2\"><ows:LowerCorner>-1113194.9 2273030.93</ows:LowerCorner>" +
        "<ows:UpperCorner>3339584.72 5621521.49</ows:UpperCorner></wps:BoundingBoxData></wps:Data></wps:Input>",
        Document10("Result"));

    private static readonly string Request20 = Xml20("BBoxEcho",
        "<wps:Input id=\"InputBBox\"><wps:Data><ows:BoundingBox crs=\"EPSG:4326\" dimensions=\"2\">" +
        "<ows:LowerCorner>-10.5 20</ows:LowerCorner><ows:UpperCorner>30 45.25</ows:UpperCorner></ows:BoundingBox></wps:Data></wps:Input>",
        Output20("Result"));

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void A_1_0_0_box_comes_back_with_its_corners_and_CRS()
    {
        var result = CgiProcess.Post(_services.Path, Request10);

        var box = XDocument.Parse(result.Text).Descendants(Wps10 + "BoundingBoxData").SingleOrDefault();
        Assert.That(Describe(box, Ows11), Is.EqualTo("EPSG:3857|2|-1113194.9 2273030.93|3339584.72 5621521.49"), result.Text);
    }

    [Test]
    public void A_2_0_0_box_comes_back_with_its_corners_and_CRS()
    {
        var result = CgiProcess.Post(_services.Path, Request20);

        var box = XDocument.Parse(result.Text).Descendants(Ows20 + "BoundingBox").SingleOrDefault();
        Assert.That(Describe(box, Ows20), Is.EqualTo("EPSG:4326|2|-10.5 20|30 45.25"), result.Text);
    }

    [Test]
    public void A_1_0_0_box_answer_is_schema_valid() => SchemaValidator.AssertValid(CgiProcess.Post(_services.Path, Request10));

    [Test]
    public void A_2_0_0_box_answer_is_schema_valid() => SchemaValidator.AssertValid(CgiProcess.Post(_services.Path, Request20));

    [Test]
    public void A_raw_box_is_an_ows_BoundingBox_document()
    {
        var request = Request10.Replace(Document10("Result"), Raw10("Result"), StringComparison.Ordinal);

        var result = CgiProcess.Post(_services.Path, request);

        var box = XDocument.Parse(result.Text).Root;
        Assert.That(Describe(box, Ows11), Is.EqualTo("EPSG:3857|2|-1113194.9 2273030.93|3339584.72 5621521.49"), result.Text);
    }

    private static string Describe(XElement? box, XNamespace ows) =>
        box is null
            ? "(no box)"
            : string.Join('|', box.Attribute("crs")?.Value, box.Attribute("dimensions")?.Value,
                box.Element(ows + "LowerCorner")?.Value, box.Element(ows + "UpperCorner")?.Value);
}
