using System.Text;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>
/// CopyVector returns its input unchanged: inline GML comes back as XML embedded in the response
/// document (not as escaped text), JSON as text, and both round-trip through a raw output.
/// </summary>
[TestFixture]
public sealed class TextRoundTripTests
{
    private const string GmlSchema = "http://schemas.opengis.net/gml/3.1.1/base/feature.xsd";

    private const string Gml =
        "<ex:Places xmlns:ex=\"http://example.org/places\" xmlns:gml=\"http://www.opengis.net/gml\">" +
        "<ex:Place fid=\"p1\"><ex:name>Lattes &amp; Montpellier</ex:name>" +
        "<gml:Point srsName=\"EPSG:4326\"><gml:pos>43.57 3.93</gml:pos></gml:Point></ex:Place></ex:Places>";

    private const string Json =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Zoë <&> \\\"quoted\\\"\"}," +
        "\"geometry\":{\"type\":\"Point\",\"coordinates\":[3.93,43.57]}}]}";

    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";

    private ServiceDirectory _services = null!;
    private StaticHttpServer _server = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _server = new StaticHttpServer();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server.Dispose();
        _services.Dispose();
    }

    [Test]
    public void Inline_GML_comes_back_as_XML_inside_the_1_0_0_document()
    {
        var result = CgiProcess.Post(_services.Path, Xml10("CopyVector",
            Complex10("InputVector", $"mimeType=\"text/xml\" schema=\"{GmlSchema}\"", Gml), Document10("Result")));

        var complex = XDocument.Parse(result.Text).Descendants(Wps10 + "ComplexData").Single();
        Assert.That(complex.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)).SingleOrDefault(),
            Is.EqualTo(XElement.Parse(Gml).ToString(SaveOptions.DisableFormatting)), result.Text);
    }

    [Test]
    public void Inline_GML_comes_back_as_XML_inside_the_2_0_0_result()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("CopyVector",
            Data20("InputVector", $"mimeType=\"text/xml\" schema=\"{GmlSchema}\"", Gml), Output20("Result")));

        var data = XDocument.Parse(result.Text).Descendants(Wps20 + "Data").Single();
        Assert.That(data.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)).SingleOrDefault(),
            Is.EqualTo(XElement.Parse(Gml).ToString(SaveOptions.DisableFormatting)), result.Text);
    }

    [Test]
    public void The_GML_output_keeps_the_input_format()
    {
        var result = CgiProcess.Post(_services.Path, Xml10("CopyVector",
            Complex10("InputVector", $"mimeType=\"text/xml\" schema=\"{GmlSchema}\"", Gml), Document10("Result")));

        var complex = XDocument.Parse(result.Text).Descendants(Wps10 + "ComplexData").Single();
        Assert.That(new[] { complex.Attribute("mimeType")?.Value, complex.Attribute("schema")?.Value },
            Is.EqualTo(new[] { "text/xml", GmlSchema }), result.Text);
    }

    [Test]
    public void Inline_JSON_comes_back_as_the_same_text_in_the_1_0_0_document()
    {
        var result = CgiProcess.Get(_services.Path,
            Kvp("CopyVector", $"InputVector={Q(Q(Json))}@mimeType=application/json", "&ResponseDocument=Result"));

        Assert.That(XDocument.Parse(result.Text).Descendants(Wps10 + "ComplexData").Single().Value, Is.EqualTo(Json), result.Text);
    }

    [Test]
    public void Inline_JSON_comes_back_as_the_same_text_in_the_2_0_0_result()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("CopyVector",
            Data20("InputVector", "mimeType=\"application/json\"", $"<![CDATA[{Json}]]>"), Output20("Result")));

        Assert.That(XDocument.Parse(result.Text).Descendants(Wps20 + "Data").Single().Value, Is.EqualTo(Json), result.Text);
    }

    [Test]
    public void JSON_by_reference_comes_back_byte_identical_as_a_raw_output()
    {
        var url = _server.Serve("/data/features.json", "application/json", Encoding.UTF8.GetBytes(Json));

        var result = CgiProcess.Get(_services.Path,
            Kvp("CopyVector", $"InputVector=@xlink:href={Q(url)}@mimeType=application/json", "&RawDataOutput=Result"));

        Assert.That(Encoding.UTF8.GetString(result.Body), Is.EqualTo(Json));
    }

    [Test]
    public void A_raw_JSON_output_says_it_is_JSON()
    {
        var result = CgiProcess.Post(_services.Path, Xml10("CopyVector",
            Complex10("InputVector", "mimeType=\"application/json\"", X(Json)), Raw10("Result")));

        Assert.That(result.ContentType, Is.EqualTo("application/json; charset=utf-8"), result.Text);
    }

    [Test]
    public void GML_by_reference_comes_back_as_XML_stored_by_reference()
    {
        var url = _server.Serve("/data/places.gml", "text/xml", Encoding.UTF8.GetBytes(Gml));

        var result = CgiProcess.Post(_services.Path, Xml20("CopyVector",
            Reference20("InputVector", url, $"mimeType=\"text/xml\" schema=\"{GmlSchema}\""), Output20("Result", "reference")));

        var href = XDocument.Parse(result.Text).Descendants(Wps20 + "Reference").Single()
            .Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!.Value;
        var tmpUrl = _services.Config("main", "tmpUrl")!;
        Assert.That(File.ReadAllText(Path.Combine(_services.TmpPath, href[tmpUrl.Length..])), Is.EqualTo(Gml), result.Text);
    }

    [TestCase("gml-1.0.0")]
    [TestCase("gml-2.0.0")]
    [TestCase("json-1.0.0")]
    [TestCase("json-2.0.0")]
    public void The_document_is_schema_valid(string form)
    {
        var result = form switch
        {
            "gml-1.0.0" => CgiProcess.Post(_services.Path, Xml10("CopyVector",
                Complex10("InputVector", $"mimeType=\"text/xml\" schema=\"{GmlSchema}\"", Gml), Document10("Result"))),
            "gml-2.0.0" => CgiProcess.Post(_services.Path, Xml20("CopyVector",
                Data20("InputVector", $"mimeType=\"text/xml\" schema=\"{GmlSchema}\"", Gml), Output20("Result"))),
            "json-1.0.0" => CgiProcess.Post(_services.Path, Xml10("CopyVector",
                Complex10("InputVector", "mimeType=\"application/json\"", X(Json)), Document10("Result"))),
            _ => CgiProcess.Post(_services.Path, Xml20("CopyVector",
                Data20("InputVector", "mimeType=\"application/json\"", X(Json)), Output20("Result"))),
        };

        SchemaValidator.AssertValid(result);
    }
}
