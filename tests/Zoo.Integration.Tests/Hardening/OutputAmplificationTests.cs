using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 5: small requests that made large answers or large work. Nested XML was echoed re-indented (n levels cost
/// n² spaces), DescribeProcess described every identifier listed however many, and a complex input, inline or by
/// reference, was taken whole before its <c>maximumMegabytes</c> was checked. Each request here ends within 1 s of
/// CPU and under 64 MiB: refused with a small answer, FileSizeExceeded with ZOO's text and nothing left behind, or
/// echoed at the size it came.
/// </summary>
[TestFixture]
public sealed class OutputAmplificationTests : BodyFilesFixture
{
    private const int SmallAnswerBytes = 4096;

    private static readonly Regex ZooSizeText = new(
        @"^The <(?<input>\w+)> parameter has a size limit \((?<limit>\d+) MB\) defined in the ZOO ServicesProvider configuration file, " +
        @"but the reference you provided exceeds this limit \((more than )?\d+\.\d{6} MB\)\.$");

    private string _cacheDir = null!;

    protected override void Prepare(ServiceDirectory services)
    {
        // A cache of its own, so that what a refused download leaves in it shows.
        _cacheDir = Directory.CreateDirectory(Path.Combine(services.Path, "cache")).FullName;
        services.SetConfig("main", "cacheDir", _cacheDir);
    }

    /// <summary>An InvalidParameterValue (at <paramref name="locator"/>, when given) in a small, schema-valid report, within bounds.</summary>
    private static void AssertRefusedWithASmallAnswer(MeasuredCgiResult run, string what, string? locator = null)
    {
        CgiAnswer.AssertReport(run.Result, "InvalidParameterValue", locator);
        Assert.That(run.Result.Body, Has.Length.LessThan(SmallAnswerBytes));
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, what);
    }

    private const string ExecuteHead =
        $"""<?xml version="1.0" encoding="UTF-8"?><wps:Execute service="WPS" version="1.0.0" {Wps10Namespaces}><ows:Identifier>CopyVector</ows:Identifier><wps:DataInputs><wps:Input><ows:Identifier>InputVector</ows:Identifier><wps:Data>""";

    private const string ExecuteTail =
        """</wps:Data></wps:Input></wps:DataInputs><wps:ResponseForm><wps:RawDataOutput><ows:Identifier>Result</ows:Identifier></wps:RawDataOutput></wps:ResponseForm></wps:Execute>""";

    // ---------------------------------------------------------------- nested XML in, nested XML out

    [Test]
    public void Twenty_thousand_nested_empty_elements_are_refused_by_depth_with_a_small_answer()
    {
        var body = BodyFiles.Write(Bodies, "nested-20000.xml", ExecuteHead + """<wps:ComplexData mimeType="text/xml">""",
            ("<a>", 20_000), "</wps:ComplexData>" + ExecuteTail, ("</a>", 20_000));

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        AssertRefusedWithASmallAnswer(run, "20 000 nested elements in ComplexData", locator: "request");
    }

    private static readonly string Nested200 =
        """<t:root xmlns:t="urn:zoo:tests">""" + string.Concat(Enumerable.Repeat("<t:n k=\"v\">", 200)) + "deepest text"
        + string.Concat(Enumerable.Repeat("</t:n>", 200)) + "</t:root>";

    [Test]
    public void XML_nested_200_levels_comes_back_raw_at_the_size_it_came()
    {
        var body = BodyFiles.Write(Bodies, "nested-200-raw.xml",
            ExecuteHead + """<wps:ComplexData mimeType="text/xml">""" + Nested200 + "</wps:ComplexData>",
            ("", 0), ExecuteTail.Replace("<wps:RawDataOutput>", "<wps:RawDataOutput mimeType=\"text/xml\">", StringComparison.Ordinal));

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        CgiAnswer.AssertProper(run.Result);
        Assert.That(run.Result.Status, Does.StartWith("200"), () => CgiAnswer.Head(run.Result));
        var inputBytes = Encoding.UTF8.GetByteCount(Nested200);
        Assert.Multiple(() =>
        {
            Assert.That(XNode.DeepEquals(XElement.Parse(run.Result.Text), XElement.Parse(Nested200)), Is.True, () => CgiAnswer.Head(run.Result));
            Assert.That(run.Result.Body.Length, Is.LessThanOrEqualTo(inputBytes + 64), $"the answer grew from {inputBytes} bytes");
            Assert.That(run.Result.Text, Does.Not.Contain("\n  "), "re-indented");
        });
        MeasuredCgi.AssertBounded(run, "200 nested levels echoed raw");
    }

    private static IEnumerable<TestCaseData> Documents()
    {
        yield return new TestCaseData("1.0.0", Xml10("CopyVector", Complex10("InputVector", "mimeType=\"text/xml\"", Nested200),
            Document10("Result", "mimeType=\"text/xml\""))).SetArgDisplayNames("1.0.0 ResponseDocument");
        yield return new TestCaseData("2.0.0", Xml20("CopyVector", Data20("InputVector", "mimeType=\"text/xml\"", Nested200),
            Output20("Result", attributes: "mimeType=\"text/xml\""))).SetArgDisplayNames("2.0.0 document");
    }

    [TestCaseSource(nameof(Documents))]
    public void XML_nested_200_levels_is_embedded_in_the_response_document_without_growing(string version, string request)
    {
        var body = Path.Combine(Bodies, $"nested-200-document-{version}.xml");
        File.WriteAllText(body, request);

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        CgiAnswer.AssertProper(run.Result);
        Assert.That(run.Result.Status, Does.StartWith("200"), () => CgiAnswer.Head(run.Result));
        var echoed = XDocument.Parse(run.Result.Text).Descendants().FirstOrDefault(e => e.Name == XName.Get("root", "urn:zoo:tests"));
        var inputBytes = Encoding.UTF8.GetByteCount(Nested200);
        Assert.Multiple(() =>
        {
            Assert.That(echoed is not null && XNode.DeepEquals(echoed, XElement.Parse(Nested200)), Is.True, () => CgiAnswer.Head(run.Result));
            Assert.That(run.Result.Body.Length, Is.LessThan(inputBytes + SmallAnswerBytes),
                $"a document of {run.Result.Body.Length} bytes for {inputBytes} bytes of data");
        });
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, $"200 nested levels echoed in a {version} document");
    }

    // ---------------------------------------------------------------- many identifiers

    private static string Identifiers(int count) => string.Join(",", Enumerable.Repeat("HelloPy", count));

    [Test]
    public void DescribeProcess_of_100000_identifiers_in_a_form_is_refused_with_a_small_answer()
    {
        var body = BodyFiles.Write(Bodies, "describe-100000.txt", "service=WPS&version=1.0.0&request=DescribeProcess&identifier=HelloPy",
            ",HelloPy", 99_999, "");

        var run = MeasuredCgi.Post(Services.Path, body, "application/x-www-form-urlencoded");

        AssertRefusedWithASmallAnswer(run, "DescribeProcess of 100 000 identifiers (form)");
    }

    [Test]
    public void DescribeProcess_of_100000_identifiers_in_XML_is_refused_with_a_small_answer()
    {
        var body = BodyFiles.Write(Bodies, "describe-100000.xml",
            """<?xml version="1.0"?><wps:DescribeProcess service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1">""",
            "<ows:Identifier>HelloPy</ows:Identifier>", 100_000, "</wps:DescribeProcess>");

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        AssertRefusedWithASmallAnswer(run, "DescribeProcess of 100 000 identifiers (XML)");
    }

    [Test]
    public void DescribeProcess_of_as_many_identifiers_as_a_query_string_holds_is_refused_with_a_small_answer()
    {
        var prefix = "service=WPS&version=1.0.0&request=DescribeProcess&identifier=";
        var count = (128 * 1024 - "QUERY_STRING=".Length - prefix.Length - 1) / ",HelloPy".Length;

        var run = MeasuredCgi.Get(Services.Path, prefix + Identifiers(count));

        CgiAnswer.AssertReport(run.Result, "InvalidParameterValue");
        Assert.That(run.Result.Body, Has.Length.LessThan(SmallAnswerBytes));
        MeasuredCgi.AssertBounded(run, $"DescribeProcess of {count} identifiers (query string)");
    }

    // ---------------------------------------------------------------- a 60 MB inline input

    private static IEnumerable<TestCaseData> SixtyMegabytes()
    {
        const long megabyte = 1024 * 1024;
        yield return new TestCaseData("json-text", """<wps:ComplexData mimeType="application/json">{"a":" """, "x", 60 * megabyte, """ "}</wps:ComplexData>""")
            .SetArgDisplayNames("JSON text");
        yield return new TestCaseData("json-cdata", """<wps:ComplexData mimeType="application/json"><![CDATA[{"a":" """, "x", 60 * megabyte, """ "}]]></wps:ComplexData>""")
            .SetArgDisplayNames("JSON in CDATA");
        yield return new TestCaseData("xml-text", """<wps:ComplexData mimeType="text/xml"><t:a xmlns:t="urn:zoo:tests">""", "x", 60 * megabyte, "</t:a></wps:ComplexData>")
            .SetArgDisplayNames("XML, one text node");
        yield return new TestCaseData("xml-elements", """<wps:ComplexData mimeType="text/xml"><t:a xmlns:t="urn:zoo:tests">""", "<t:b/>", 10 * megabyte, "</t:a></wps:ComplexData>")
            .SetArgDisplayNames("XML, ten million elements");
    }

    [TestCaseSource(nameof(SixtyMegabytes))]
    public void A_60_MB_inline_input_to_a_16_MB_input_is_FileSizeExceeded_with_ZOO_s_text(string name, string open, string piece, long times, string close)
    {
        var body = BodyFiles.Write(Bodies, $"sixty-{name}.xml", ExecuteHead + open, piece, times, close + ExecuteTail);

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        var exception = CgiAnswer.AssertReport(run.Result, "FileSizeExceeded", "InputVector");
        var match = ZooSizeText.Match(OwsReport.Text(run.Result));
        Assert.Multiple(() =>
        {
            Assert.That(match.Success, Is.True, exception.ToString());
            Assert.That(match.Groups["input"].Value, Is.EqualTo("InputVector"));
            Assert.That(match.Groups["limit"].Value, Is.EqualTo("16"));
            Assert.That(Directory.EnumerateFiles(Services.TmpPath, "Input_*"), Is.Empty, "input files left in tmpPath");
        });
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, $"a {new FileInfo(body).Length} byte inline input ({name})");
    }

    // ---------------------------------------------------------------- a 100 MB reference

    [TestCase(true)]
    [TestCase(false)]
    public void A_100_MB_reference_to_a_64_MB_input_is_FileSizeExceeded_and_leaves_nothing(bool withLength)
    {
        using var server = new ZeroStreamServer("image/tiff");
        var before = Listing();

        var run = MeasuredCgi.Get(Services.Path,
            Kvp("CopyRaster", "InputRaster=@xlink:href=" + Q(server.Url(withLength, 100L * 1024 * 1024)), "&ResponseDocument=Result"));

        var exception = CgiAnswer.AssertReport(run.Result, "FileSizeExceeded", "InputRaster");
        var match = ZooSizeText.Match(OwsReport.Text(run.Result));
        Assert.Multiple(() =>
        {
            Assert.That(match.Success, Is.True, exception.ToString());
            Assert.That(match.Groups["limit"].Value, Is.EqualTo("64"));
            Assert.That(Listing(), Is.EqualTo(before), "files left in cacheDir or tmpPath");
        });
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, $"a 100 MB reference ({(withLength ? "with" : "without")} Content-Length)");
    }

    /// <summary>Every entry of tmpPath and cacheDir, hidden ones too (the service header cache GetCapabilities keeps is not data).</summary>
    private IReadOnlyList<string> Listing() =>
        new[] { Services.TmpPath, _cacheDir }
            .SelectMany(directory => Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
            .Where(path => !Path.GetFileName(path).StartsWith("zoo-service-headers-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
