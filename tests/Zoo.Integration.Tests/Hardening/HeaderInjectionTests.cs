using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 3: the mime type of a raw output became the answer's Content-Type as the client wrote it. A client could
/// make the server answer its own script as an HTML page (reflected XSS), or end the header with CR LF and add
/// headers of its choice. A mime type the .zcfg does not declare is refused (InvalidParameterValue, locator the
/// output); no header value ever carries CR or LF; a declared mime type still works.
/// </summary>
[TestFixture]
public sealed class HeaderInjectionTests
{
    private const string Script = "<script>alert(document.cookie)</script>";

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    private static IEnumerable<TestCaseData> HtmlRequests()
    {
        yield return new TestCaseData("GET", Kvp("CopyVector", "InputVector=" + Q(Script), "&RawDataOutput=Result@mimeType=text/html"))
            .SetArgDisplayNames("KVP 1.0.0");
        yield return new TestCaseData("GET", Kvp("CopyVector", "InputVector=" + Q(Script) + "@mimeType=text/html", "&RawDataOutput=Result@mimeType=text/html"))
            .SetArgDisplayNames("KVP 1.0.0, input labelled text/html too");
        yield return new TestCaseData("POST", Xml10("CopyVector", Complex10("InputVector", "mimeType=\"application/json\"", X(Script)),
            Raw10("Result", "mimeType=\"text/html\""))).SetArgDisplayNames("XML 1.0.0");
        yield return new TestCaseData("POST", Xml20("CopyVector", Data20("InputVector", "mimeType=\"application/json\"", X(Script)),
            Output20("Result", attributes: "mimeType=\"text/html\""), response: "raw")).SetArgDisplayNames("XML 2.0.0");
    }

    private CgiResult Run(string method, string request) =>
        method == "GET" ? CgiProcess.Get(_services.Path, request) : CgiProcess.Post(_services.Path, request);

    [TestCaseSource(nameof(HtmlRequests))]
    public void A_raw_output_asked_as_text_html_is_refused_with_the_output_as_locator(string method, string request)
    {
        var result = Run(method, request);

        CgiAnswer.AssertReport(result, "InvalidParameterValue", "Result");
        SchemaValidator.AssertValid(result);
    }

    [TestCaseSource(nameof(HtmlRequests))]
    public void No_answer_is_ever_labelled_text_html_nor_carries_the_script(string method, string request)
    {
        var result = Run(method, request);

        CgiAnswer.AssertProper(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.ContentType, Does.Not.StartWith("text/html").IgnoreCase);
            Assert.That(result.Text, Does.Not.Contain("<script>"));
        });
    }

    private static IEnumerable<TestCaseData> InjectingRequests()
    {
        yield return new TestCaseData("GET", Kvp("CopyVector", "InputVector=" + Q("{}"), "&RawDataOutput=Result@mimeType=application/json%0d%0aX-Injected:%201"))
            .SetArgDisplayNames("KVP, CR LF percent-encoded");
        yield return new TestCaseData("GET", Kvp("CopyVector", "InputVector=" + Q("{}") + "@mimeType=application/json%0d%0aX-Injected:%201", "&RawDataOutput=Result"))
            .SetArgDisplayNames("KVP, CR LF in the input's mimeType");
        yield return new TestCaseData("GET", Kvp("CopyVector", "InputVector=" + Q("{}"), "&RawDataOutput=Result@mimeType=application/json%0aX-Injected:%201"))
            .SetArgDisplayNames("KVP, LF alone");
        yield return new TestCaseData("POST", Xml10("CopyVector", Complex10("InputVector", "mimeType=\"application/json\"", "{}"),
            Raw10("Result", "mimeType=\"application/json&#13;&#10;X-Injected: 1\""))).SetArgDisplayNames("XML 1.0.0, character references");
        yield return new TestCaseData("POST", Xml10("CopyVector", Complex10("InputVector", "mimeType=\"application/json&#13;&#10;X-Injected: 1\"", "{}"),
            Raw10("Result"))).SetArgDisplayNames("XML 1.0.0, in the input's mimeType");
        yield return new TestCaseData("POST", Xml20("CopyVector", Data20("InputVector", "mimeType=\"application/json\"", "{}"),
            Output20("Result", attributes: "mimeType=\"application/json&#13;&#10;X-Injected: 1\""), response: "raw")).SetArgDisplayNames("XML 2.0.0");
    }

    [TestCaseSource(nameof(InjectingRequests))]
    public void A_mime_type_with_CR_LF_adds_no_header(string method, string request)
    {
        var (output, error, exitCode) = method == "GET"
            ? CgiProcess.Execute(_services.Path, "GET", request, [], null, null)
            : CgiProcess.Execute(_services.Path, "POST", "", System.Text.Encoding.UTF8.GetBytes(request), "text/xml", null);
        var result = CgiResult.Parse(output, error, exitCode);

        CgiAnswer.AssertProper(result);
        var lines = CgiAnswer.RawHeaderLines(output);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.None.StartsWith("X-Injected").IgnoreCase, string.Join("\n", lines));
            Assert.That(lines, Has.None.Contains("\r"), "a bare CR in a header line");
            Assert.That(result.Headers.Select(h => h.Key), Has.None.EqualTo("X-Injected").IgnoreCase);
        });
    }

    [Test]
    public void A_declared_mime_type_is_answered_with_that_Content_Type()
    {
        const string features = """{"type":"FeatureCollection","features":[]}""";

        var result = CgiProcess.Get(_services.Path,
            Kvp("CopyVector", "InputVector=" + Q(features) + "@mimeType=application/geo%2Bjson", "&RawDataOutput=Result@mimeType=application/geo%2Bjson"));

        CgiAnswer.AssertProper(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
            Assert.That(result.ContentType.Split(';')[0].Trim(), Is.EqualTo("application/geo+json"));
            Assert.That(result.Text, Is.EqualTo(features));
        });
    }
}
