using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>The WPS 1.0.0 response options of a synchronous Execute: lineage, storeExecuteResponse, raw lengths; 2.0.0 LiteralValue.</summary>
[TestFixture]
public sealed class ResponseOptionTests
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void With_lineage_the_inputs_are_echoed()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("Calculate", "numbers=1;numbers=2;factor=2", "&ResponseDocument=Result&lineage=true"));

        var echoed = XDocument.Parse(result.Text).Descendants(Wps10 + "DataInputs").Descendants(Ows11 + "Identifier").Select(i => i.Value);
        Assert.That(echoed, Is.EqualTo(new[] { "numbers", "numbers", "factor" }), result.Text);
    }

    [Test]
    public void With_lineage_the_document_is_schema_valid()
    {
        SchemaValidator.AssertValid(CgiProcess.Get(_services.Path,
            Kvp("Calculate", "numbers=1;numbers=2;factor=2", "&ResponseDocument=Result;Summary&lineage=true")));
    }

    [Test]
    public void A_synchronous_run_with_storeExecuteResponse_gives_a_statusLocation_at_the_GetStatus_service()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("HelloPy", "a=Toto", "&ResponseDocument=Result&storeExecuteResponse=true"));

        // ZOO's form when its GetStatus service is installed; this kernel serves GetStatus natively.
        var expected = "^" + Regex.Escape(_services.Config("main", "serverAddress") +
                                          "?request=Execute&service=WPS&version=1.0.0&Identifier=GetStatus&DataInputs=sid=")
                       + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + Regex.Escape("&RawDataOutput=Result") + "$";
        Assert.That(XDocument.Parse(result.Text).Root!.Attribute("statusLocation")?.Value, Does.Match(expected), result.Text);
    }

    [Test]
    public void A_synchronous_run_with_storeExecuteResponse_answers_its_document_at_its_statusLocation()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("HelloPy", "a=Toto", "&ResponseDocument=Result&storeExecuteResponse=true"));

        // The statusLocation is a request to this same zoo_loader.cgi: run it as the CGI request it names.
        var location = XDocument.Parse(result.Text).Root!.Attribute("statusLocation")?.Value ?? "http://none/?none";
        var fetched = CgiProcess.Get(_services.Path, new Uri(location).Query.TrimStart('?'));
        // ZOO writes the stored copy with encoding "UTF-8" in its declaration: compare the documents, not the text.
        Assert.That(fetched.Text.TrimStart().StartsWith('<') ? XDocument.Parse(fetched.Text).ToString() : fetched.Text,
            Is.EqualTo(XDocument.Parse(result.Text).ToString()));
    }

    [Test]
    public void status_true_without_storeExecuteResponse_is_refused()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("HelloPy", "a=Toto", "&ResponseDocument=Result&status=true"));

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Locator(result) }, Is.EqualTo(new[] { "InvalidParameterValue", "storeExecuteResponse" }), result.Text);
    }

    [Test]
    public void A_raw_output_length_counts_bytes_not_characters()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("HelloPy", "a=J%C3%BCrgen%20%E2%82%AC", "&RawDataOutput=Result"));

        Assert.That(result.Header("Content-Length"), Is.EqualTo(result.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_1_0_0_POST_can_ask_for_a_raw_output()
    {
        var result = CgiProcess.Post(_services.Path, Xml10("HelloPy", Literal10("a", "Toto"), Raw10("Result")));

        Assert.That(Encoding.UTF8.GetString(result.Body), Is.EqualTo("Hello Toto from Python World !"));
    }

    [Test]
    public void A_2_0_0_LiteralValue_input_reaches_the_service()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("HelloPy",
            "<wps:Input id=\"a\"><wps:Data><wps:LiteralValue>Toto</wps:LiteralValue></wps:Data></wps:Input>", Output20("Result"), response: "raw"));

        Assert.That(result.Text, Is.EqualTo("Hello Toto from Python World !"), result.Text);
    }

    [Test]
    public void A_2_0_0_raw_answer_has_ZOOs_raw_status_line()
    {
        var result = CgiProcess.Post(_services.Path, Xml20("HelloPy", Data20("a", "", "Toto"), Output20("Result"), response: "raw"));

        Assert.That(result.Status, Is.EqualTo("200 OK;"));
    }
}
