using System.Text;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests;

namespace Zoo.Core.Tests.Wps.Requests;

/// <summary>The first pass over an XML request: what it keeps of the document, and the limits it holds it to.</summary>
public class XmlRequestReaderLimitsTests
{
    private static XmlRequest Read(string xml, Limits? limits = null) =>
        XmlRequestReader.Read(Encoding.UTF8.GetBytes(xml), limits ?? Limits.Defaults);

    private static WpsException Refusal(string xml, Limits? limits = null) =>
        Assert.Throws<WpsException>(() => Read(xml, limits))!;

    private static string DescribeProcess(int identifiers) =>
        "<DescribeProcess service=\"WPS\" version=\"1.0.0\" xmlns:ows=\"http://www.opengis.net/ows/1.1\">"
        + string.Concat(Enumerable.Range(1, identifiers).Select(i => $"<ows:Identifier>P{i}</ows:Identifier>"))
        + "</DescribeProcess>";

    private const string Execute10 = """
        <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1">
          <ows:Identifier>HelloPy</ows:Identifier>
          <wps:DataInputs>
            <wps:Input><ows:Identifier>a</ows:Identifier><wps:Data><wps:LiteralData>x</wps:LiteralData></wps:Data></wps:Input>
          </wps:DataInputs>
        </wps:Execute>
        """;

    [Test]
    public void An_Execute_gives_its_operation()
    {
        Assert.That(Read(Execute10).Parameters["request"], Is.EqualTo("Execute"));
    }

    [Test]
    public void An_Execute_gives_its_process_identifier()
    {
        Assert.That(Read(Execute10).Parameters["Identifier"], Is.EqualTo("HelloPy"));
    }

    [Test]
    public void An_Execute_gives_its_service_and_version()
    {
        var parameters = Read(Execute10).Parameters;

        Assert.That((parameters["service"], parameters["version"]), Is.EqualTo(("WPS", "1.0.0")));
    }

    [Test]
    public void An_Execute_is_read_only_up_to_its_identifier()
    {
        // The inputs are the Execute reader's business, which reads (and checks) them once.
        const string xml = """
            <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1">
              <ows:Identifier>HelloPy</ows:Identifier>
              <wps:DataInputs><unclosed>
            """;

        Assert.That(Read(xml).Parameters["Identifier"], Is.EqualTo("HelloPy"));
    }

    [Test]
    public void A_2_0_0_GetResult_gives_its_job_id()
    {
        const string xml = """
            <wps:GetResult xmlns:wps="http://www.opengis.net/wps/2.0" service="WPS" version="2.0.0">
              <wps:JobID> 5a1c9e2e-1d2e-11ef-9a3b-0242ac120002 </wps:JobID>
            </wps:GetResult>
            """;

        Assert.That(Read(xml).Parameters["JobID"], Is.EqualTo("5a1c9e2e-1d2e-11ef-9a3b-0242ac120002"));
    }

    [Test]
    public void An_Identifier_inside_GetCapabilities_is_ignored()
    {
        const string xml = """
            <GetCapabilities service="WPS" xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Identifier>x</ows:Identifier></GetCapabilities>
            """;

        Assert.That(Read(xml).Parameters.Contains("Identifier"), Is.False);
    }

    [Test]
    public void A_language_attribute_of_any_operation_is_copied()
    {
        const string xml = """
            <DescribeProcess service="WPS" version="1.0.0" language="fr-FR"><Identifier>a</Identifier></DescribeProcess>
            """;

        Assert.That(Read(xml).Parameters["language"], Is.EqualTo("fr-FR"));
    }

    [Test]
    public void An_operation_in_a_soap_envelope_gives_its_identifier()
    {
        var xml = $"""
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header/><soap:Body>{DescribeProcess(1)}</soap:Body></soap:Envelope>
            """;

        Assert.That((Read(xml).IsSoap, Read(xml).Parameters["Identifier"]), Is.EqualTo((true, "P1")));
    }

    [Test]
    public void A_soap_envelope_with_an_empty_body_is_refused()
    {
        const string xml = """<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/></soap:Envelope>""";

        Assert.That(Refusal(xml).Errors[0].Text, Is.EqualTo("Unable to parse the XML request: The SOAP envelope has no request in its Body."));
    }

    [Test]
    public void A_soap_envelope_whose_end_is_malformed_is_refused()
    {
        const string xml = """<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><GetCapabilities service="WPS"/></soap:Body>""";

        Assert.That(Refusal(xml).Errors[0].Locator, Is.EqualTo("request"));
    }

    [Test]
    public void A_DescribeProcess_whose_end_is_malformed_is_refused()
    {
        const string xml = """<DescribeProcess service="WPS" version="1.0.0"><Identifier>a</Identifier><x></DescribeProcess>""";

        Assert.That(Refusal(xml).Errors[0].Code, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public void An_empty_body_is_refused()
    {
        Assert.That(Refusal("").Errors[0].Locator, Is.EqualTo("request"));
    }

    [Test]
    public void As_many_identifiers_as_the_limit_are_accepted()
    {
        var limits = Limits.Defaults with { MaxIdentifiers = 3 };

        Assert.That(Read(DescribeProcess(3), limits).Parameters["Identifier"], Is.EqualTo("P1,P2,P3"));
    }

    [Test]
    public void More_identifiers_than_the_limit_are_an_InvalidParameterValue_located_at_Identifier()
    {
        var limits = Limits.Defaults with { MaxIdentifiers = 3 };

        var error = Refusal(DescribeProcess(4), limits);

        Assert.That((error.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "Identifier")));
    }

    [Test]
    public void More_identifiers_than_the_limit_are_refused_with_the_limit_in_the_text()
    {
        var limits = Limits.Defaults with { MaxIdentifiers = 3 };

        Assert.That(Refusal(DescribeProcess(4), limits).Errors[0].Text,
            Is.EqualTo("The request gives more than 3 values of Identifier, the most this server accepts in one request."));
    }

    [Test]
    public void More_job_ids_than_the_limit_are_refused_at_JobID()
    {
        var limits = Limits.Defaults with { MaxIdentifiers = 1 };
        const string xml = """<GetStatus service="WPS" version="2.0.0"><JobID>a</JobID><JobID>b</JobID></GetStatus>""";

        Assert.That(Refusal(xml, limits).Errors[0].Locator, Is.EqualTo("JobID"));
    }

    [Test]
    public void More_accepted_versions_than_the_limit_are_refused_at_AcceptVersions()
    {
        var limits = Limits.Defaults with { MaxIdentifiers = 1 };
        const string xml = """
            <GetCapabilities service="WPS"><AcceptVersions><Version>1.0.0</Version><Version>2.0.0</Version></AcceptVersions></GetCapabilities>
            """;

        Assert.That(Refusal(xml, limits).Errors[0].Locator, Is.EqualTo("AcceptVersions"));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_refused_at_request()
    {
        var limits = Limits.Defaults with { MaxXmlDepth = 5 };
        var xml = "<GetCapabilities service=\"WPS\">" + string.Concat(Enumerable.Repeat("<a>", 10))
                  + string.Concat(Enumerable.Repeat("</a>", 10)) + "</GetCapabilities>";

        var error = Refusal(xml, limits);

        Assert.That((error.Errors[0].Code, error.Errors[0].Locator, error.Errors[0].Text), Is.EqualTo((
            "InvalidParameterValue", "request", "The XML request is nested deeper than 5 levels.")));
    }

    [Test]
    public void Nesting_at_the_limit_is_accepted()
    {
        // The root is at depth 0: five nested elements reach depth 5.
        var limits = Limits.Defaults with { MaxXmlDepth = 5 };
        var xml = "<GetCapabilities service=\"WPS\">" + string.Concat(Enumerable.Repeat("<a>", 5))
                  + string.Concat(Enumerable.Repeat("</a>", 5)) + "</GetCapabilities>";

        Assert.That(Read(xml, limits).Parameters["request"], Is.EqualTo("GetCapabilities"));
    }

    [Test]
    public void An_attribute_longer_than_the_token_limit_is_refused_at_request()
    {
        var limits = Limits.Defaults with { MaxXmlTokenBytes = 1024 };
        var xml = $"<GetCapabilities service=\"WPS\" language=\"{new string('x', 2000)}\"/>";

        Assert.That(Refusal(xml, limits).Errors[0].Locator, Is.EqualTo("request"));
    }

    [Test]
    public void An_identifier_longer_than_the_token_limit_is_refused_at_Identifier()
    {
        var limits = Limits.Defaults with { MaxXmlTokenBytes = 1024 };
        var xml = $"<DescribeProcess service=\"WPS\" version=\"1.0.0\"><Identifier>{new string('x', 2000)}</Identifier></DescribeProcess>";

        Assert.That(Refusal(xml, limits).Errors[0].Locator, Is.EqualTo("Identifier"));
    }

    [Test]
    public void An_identifier_given_as_cdata_is_read()
    {
        const string xml = "<DescribeProcess service=\"WPS\" version=\"1.0.0\"><Identifier><![CDATA[a<b]]></Identifier></DescribeProcess>";

        Assert.That(Read(xml).Parameters["Identifier"], Is.EqualTo("a<b"));
    }

    [Test]
    public void A_document_in_utf_16_is_refused_as_the_clients_error()
    {
        // UTF-16 without a byte-order mark starts with '<' and a NUL: the parser dispatches it here as XML.
        var body = Encoding.Unicode.GetBytes("<GetCapabilities service=\"WPS\"/>");

        var error = Assert.Throws<WpsException>(() => XmlRequestReader.Read(body, Limits.Defaults));

        Assert.That(error!.Errors[0].Locator, Is.EqualTo("request"));
    }

    [Test]
    public void A_utf_16_post_body_is_answered_as_the_clients_error()
    {
        var request = new CgiRequest(new Dictionary<string, string>
        {
            ["REQUEST_METHOD"] = "POST",
            ["CONTENT_TYPE"] = "text/xml",
        }, Encoding.Unicode.GetBytes("<GetCapabilities service=\"WPS\"/>"));

        // A WpsException (or a rejection carrying one) is answered as an ExceptionReport; anything else is a 500.
        Assert.That(() => WpsRequestParser.Parse(request, TestRequests.Config("[main]\nversion=1.0.0\n")),
            Throws.InstanceOf<WpsException>().Or.InstanceOf<RequestRejectedException>());
    }
}
