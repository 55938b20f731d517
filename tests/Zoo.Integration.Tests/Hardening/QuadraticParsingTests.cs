using System.Text.RegularExpressions;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 4: parsing whose cost grew with the square of the request. ZOO's KVP grammar glues a token without '='
/// to the previous value (<c>a=x@y@y@y...</c>), which, done by copying, took minutes for half a megabyte; and
/// deeply nested XML was parsed (and recursed over) to any depth. Each request here ends, answered or refused,
/// within 1 s of CPU and under 64 MiB; nesting beyond the limit is InvalidParameterValue at locator request.
/// </summary>
[TestFixture]
public sealed class QuadraticParsingTests : BodyFilesFixture
{
    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>
    /// The "@y" (a piece without '=', glued to the value before it) from 600 KiB to just under maxQueryBytes
    /// (1 MiB); and, beyond the issue's own example, the same half megabyte as attributes ("@y=1").
    /// </summary>
    private static IEnumerable<TestCaseData> AtSigns()
    {
        yield return new TestCaseData("@y", 300 * 1024).SetArgDisplayNames("600 KiB of @y");
        yield return new TestCaseData("@y", 512_000).SetArgDisplayNames("1000 KiB of @y");
        yield return new TestCaseData("@y=1", 150 * 1024).SetArgDisplayNames("600 KiB of @y=1");
    }

    private string AtSignsBody(string piece, int count) =>
        BodyFiles.Write(Bodies, $"at-signs-{piece.Length}-{count}.txt",
            "service=WPS&version=1.0.0&request=Execute&Identifier=CopyVector&DataInputs=InputVector=x", piece, count, "&RawDataOutput=Result");

    [TestCaseSource(nameof(AtSigns))]
    public void At_signs_in_a_form_body_are_answered_within_the_bound(string piece, int count)
    {
        var body = AtSignsBody(piece, count);

        var run = MeasuredCgi.Post(Services.Path, body, FormType);

        CgiAnswer.AssertProper(run.Result);
        MeasuredCgi.AssertBounded(run, $"{new FileInfo(body).Length} bytes of {piece} in a form body");
    }

    [Test]
    public void At_signs_without_equals_stay_in_the_value()
    {
        var body = AtSignsBody("@y", 300 * 1024);

        var run = MeasuredCgi.Post(Services.Path, body, FormType);

        CgiAnswer.AssertProper(run.Result);
        Assert.That(run.Result.Text, Is.EqualTo("x" + string.Concat(Enumerable.Repeat("@y", 300 * 1024))), () => CgiAnswer.Head(run.Result, 300));
    }

    [Test]
    public void The_longest_query_string_of_at_signs_is_answered_within_the_bound()
    {
        // Linux's longest environment string (128 KiB) is the longest QUERY_STRING a web server can pass.
        var prefix = "service=WPS&version=1.0.0&request=Execute&Identifier=CopyVector&RawDataOutput=Result&DataInputs=InputVector=x";
        var query = prefix + string.Concat(Enumerable.Repeat("@y", (128 * 1024 - "QUERY_STRING=".Length - prefix.Length - 1) / 2));

        var run = MeasuredCgi.Get(Services.Path, query);

        CgiAnswer.AssertProper(run.Result);
        MeasuredCgi.AssertBounded(run, "128 KiB query string of @y");
    }

    /// <summary>Documents nested far beyond the 256 levels allowed: where the nesting sits, its depth and its element.</summary>
    private static IEnumerable<TestCaseData> DeepDocuments()
    {
        const string execute = $"""<?xml version="1.0" encoding="UTF-8"?><wps:Execute service="WPS" version="1.0.0" {Wps10Namespaces}><ows:Identifier>CopyVector</ows:Identifier>""";
        const string inComplexData = execute +
            """<wps:DataInputs><wps:Input><ows:Identifier>InputVector</ows:Identifier><wps:Data><wps:ComplexData mimeType="text/xml">""";
        const string afterComplexData =
            """</wps:ComplexData></wps:Data></wps:Input></wps:DataInputs><wps:ResponseForm><wps:RawDataOutput mimeType="text/xml"><ows:Identifier>Result</ows:Identifier></wps:RawDataOutput></wps:ResponseForm></wps:Execute>""";
        yield return new TestCaseData("bare", "", "a", 100_000, "").SetArgDisplayNames("100 000 levels, 700 KB, the whole document");
        yield return new TestCaseData("execute", execute, "a", 100_000, "</wps:Execute>").SetArgDisplayNames("100 000 levels in an Execute");
        yield return new TestCaseData("identifiers", execute, "ows:Identifier", 200_000, "</wps:Execute>").SetArgDisplayNames("200 000 levels, 6.6 MB, in an Execute");
        yield return new TestCaseData("complex", inComplexData, "ows:Identifier", 200_000, afterComplexData).SetArgDisplayNames("200 000 levels, 6.6 MB, in ComplexData");
        yield return new TestCaseData("unclosed", inComplexData, "a", 200_000, "").SetArgDisplayNames("200 000 levels never closed");
        yield return new TestCaseData("describe",
            """<?xml version="1.0"?><wps:DescribeProcess service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1">""",
            "ows:Identifier", 200_000, "</wps:DescribeProcess>").SetArgDisplayNames("200 000 levels in a DescribeProcess");
    }

    [TestCaseSource(nameof(DeepDocuments))]
    public void Deep_nesting_is_refused_by_depth_within_the_bound(string name, string prefix, string element, int levels, string suffix)
    {
        var closing = suffix.Length == 0 && name == "unclosed" ? ("", 0L) : ($"</{element}>", (long)levels);
        var body = BodyFiles.Write(Bodies, name + ".xml", prefix, ($"<{element}>", levels), suffix, closing);

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        var exception = CgiAnswer.AssertReport(run.Result, "InvalidParameterValue", "request");
        Assert.That(OwsReport.Text(run.Result), Does.Match(new Regex("(?i)(nest|deep|depth).*256|256.*(nest|deep|depth)")), exception.ToString());
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, $"{levels} nested levels ({new FileInfo(body).Length} bytes, {name})");
    }
}
