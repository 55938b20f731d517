using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests;

/// <summary>GetCapabilities and DescribeProcess on the bundled cgi-env, over GET and POST, in both versions.</summary>
[TestFixture]
public sealed class CapabilitiesAndDescriptionTests
{
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Ows20 = "http://www.opengis.net/ows/2.0";
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [TestCase("service=WPS&request=GetCapabilities")]
    [TestCase("service=WPS&request=GetCapabilities&AcceptVersions=2.0.0")]
    [TestCase("service=WPS&request=GetCapabilities&AcceptVersions=1.0.0,2.0.0")]
    [TestCase("SERVICE=wps&REQUEST=getcapabilities&language=fr-FR")]
    [TestCase("service=WPS&version=1.0.0&request=DescribeProcess&identifier=all")]
    [TestCase("service=WPS&version=2.0.0&request=DescribeProcess&identifier=ALL")]
    [TestCase("service=WPS&version=1.0.0&request=DescribeProcess&identifier=HelloPy,ogc.tests.Echo,BBoxEcho")]
    [TestCase("service=WPS&version=2.0.0&request=DescribeProcess&identifier=Calculate,CopyRaster,demo.WordCount")]
    public void The_answer_is_schema_valid(string query)
    {
        var result = CgiProcess.Get(_services.Path, query);

        Assert.That(result.Status, Is.EqualTo("200 OK"));
        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void Capabilities_list_every_service_with_namespaces_in_name_order()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&request=GetCapabilities");

        var identifiers = XDocument.Parse(result.Text).Descendants(Ows11 + "Identifier").Select(e => e.Value).ToList();
        Assert.That(identifiers, Does.Contain("ogc.tests.Echo").And.Contain("demo.WordCount").And.Contain("HelloPy"));
    }

    [Test]
    public void The_service_url_comes_from_the_web_server()
    {
        var environment = new Dictionary<string, string>
        {
            ["SERVER_NAME"] = "wps.example.org",
            ["SERVER_PORT"] = "8080",
            ["SCRIPT_NAME"] = "/cgi-bin/zoo_loader.cgi",
        };

        var result = CgiProcess.Get(_services.Path, "service=WPS&request=GetCapabilities", environment);

        Assert.That(result.Text, Does.Contain("xlink:href=\"http://wps.example.org:8080/cgi-bin/zoo_loader.cgi\""));
    }

    [Test]
    public void A_language_asked_for_is_the_documents_language()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&request=GetCapabilities&language=fr-FR");

        Assert.That(XDocument.Parse(result.Text).Root!.Attribute(XNamespace.Xml + "lang")?.Value, Is.EqualTo("fr-FR"));
    }

    [Test]
    public void The_accept_language_header_chooses_an_offered_language()
    {
        var environment = new Dictionary<string, string> { ["HTTP_ACCEPT_LANGUAGE"] = "de-DE,en-CA;q=0.8" };

        var result = CgiProcess.Get(_services.Path, "service=WPS&request=GetCapabilities", environment);

        Assert.That(XDocument.Parse(result.Text).Root!.Attribute(XNamespace.Xml + "lang")?.Value, Is.EqualTo("en-CA"));
    }

    [Test]
    public void Capabilities_can_be_asked_for_in_xml()
    {
        const string body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <wps:GetCapabilities service="WPS" xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0">
              <ows:AcceptVersions><ows:Version>2.0.0</ows:Version></ows:AcceptVersions>
            </wps:GetCapabilities>
            """;

        var result = CgiProcess.Post(_services.Path, body);

        Assert.That(XDocument.Parse(result.Text).Root!.Attribute("version")?.Value, Is.EqualTo("2.0.0"));
        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void A_description_can_be_asked_for_in_xml()
    {
        const string body = """
            <wps:DescribeProcess service="WPS" version="1.0.0" language="en-US" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:wps="http://www.opengis.net/wps/1.0.0">
              <ows:Identifier>HelloPy</ows:Identifier>
              <ows:Identifier>ogc.tests.Echo</ows:Identifier>
            </wps:DescribeProcess>
            """;

        var result = CgiProcess.Post(_services.Path, body);

        var identifiers = XDocument.Parse(result.Text).Root!.Elements("ProcessDescription")
            .Select(p => p.Element(Ows11 + "Identifier")?.Value);
        Assert.That(identifiers, Is.EqualTo(new[] { "HelloPy", "ogc.tests.Echo" }));
    }

    [Test]
    public void A_request_in_a_soap_envelope_is_answered_in_one()
    {
        const string body = """
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
              <wps:GetCapabilities service="WPS" xmlns:wps="http://www.opengis.net/wps/1.0.0"/>
            </soap:Body></soap:Envelope>
            """;

        var result = CgiProcess.Post(_services.Path, body);

        Assert.That(XDocument.Parse(result.Text).Root!.Name.LocalName, Is.EqualTo("Envelope"));
    }

    [Test]
    public void Hpc_services_offer_only_asynchronous_execution()
    {
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.Write("Smooth.zcfg", "[Smooth]\n Title = Smoothing\n serviceType = HPC\n serviceProvider = Smoothing\n");

        var result = CgiProcess.Get(services.Path, "service=WPS&request=GetCapabilities&AcceptVersions=2.0.0");

        var summary = XDocument.Parse(result.Text).Descendants()
            .Single(e => e.Name.LocalName == "ProcessSummary" && e.Element(Ows20 + "Identifier")?.Value == "Smooth");
        Assert.That(summary.Attribute("jobControlOptions")?.Value, Is.EqualTo("async-execute dismiss"));
    }
}
