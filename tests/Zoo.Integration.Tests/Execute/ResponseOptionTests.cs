using System.Text;
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
    public void A_synchronous_run_with_storeExecuteResponse_gives_a_statusLocation_under_tmpUrl()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("HelloPy", "a=Toto", "&ResponseDocument=Result&storeExecuteResponse=true"));

        Assert.That(XDocument.Parse(result.Text).Root!.Attribute("statusLocation")?.Value,
            Does.StartWith(_services.Config("main", "tmpUrl")!).And.EndWith(".xml"), result.Text);
    }

    [Test]
    public void A_synchronous_run_with_storeExecuteResponse_stores_the_document_it_answers()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("HelloPy", "a=Toto", "&ResponseDocument=Result&storeExecuteResponse=true"));

        var location = XDocument.Parse(result.Text).Root!.Attribute("statusLocation")?.Value ?? "(none)";
        var tmpUrl = _services.Config("main", "tmpUrl")!;
        var stored = Path.Combine(_services.TmpPath, location.StartsWith(tmpUrl, StringComparison.Ordinal) ? location[tmpUrl.Length..] : "(none)");
        // ZOO writes the stored copy with encoding "UTF-8" in its declaration: compare the documents, not the text.
        var storedDocument = File.Exists(stored) ? XDocument.Load(stored).ToString() : $"(no file {stored})";
        Assert.That(storedDocument, Is.EqualTo(XDocument.Parse(result.Text).ToString()));
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
