using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 8: a body over the server's limit (<c>[main] maxRequestBytes</c>, 64 MiB by default) was read whole before
/// it was refused, and refused with a plain-text line instead of an OWS ExceptionReport. A body announced larger
/// is refused without reading standard input; a body that is larger is refused once it passes the limit; a form
/// body over <c>maxQueryBytes</c> (1 MiB) likewise. Each gets 413 and a schema-valid ExceptionReport, within 1 s of
/// CPU and under 64 MiB.
/// </summary>
[TestFixture]
public sealed class OversizedBodyTests : BodyFilesFixture
{
    private const string TooLarge = "413 Request Entity Too Large";

    private static void AssertRefusedAsTooLarge(MeasuredCgiResult run, string what)
    {
        CgiAnswer.AssertProper(run.Result);
        Assert.That(run.Result.Status, Is.EqualTo(TooLarge), () => CgiAnswer.Head(run.Result));
        Assert.That(CgiAnswer.IsXml(run.Result), Is.True, run.Result.ContentType);
        Assert.That(OwsReport.Exceptions(run.Result), Is.Not.Empty);
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, what);
    }

    [Test]
    public void A_body_announced_as_100_MB_is_refused_without_reading_standard_input()
    {
        var body = Path.Combine(Bodies, "small.xml");
        File.WriteAllText(body, """<?xml version="1.0"?><wps:GetCapabilities service="WPS" xmlns:wps="http://www.opengis.net/wps/1.0.0"/>""");

        var run = MeasuredCgi.Run(Services.Path, "POST", "", body, "text/xml", 100L * 1024 * 1024, null);

        AssertRefusedAsTooLarge(run, "CONTENT_LENGTH 100 MB with a small body");
        Assert.That(run.UnreadBodyBytes, Is.EqualTo(new FileInfo(body).Length), "bytes of standard input left unread");
    }

    [Test]
    public void A_70_MB_body_is_refused()
    {
        var body = BodyFiles.Write(Bodies, "seventy.xml", """<?xml version="1.0"?><wps:GetCapabilities service="WPS" xmlns:wps="http://www.opengis.net/wps/1.0.0"><!--""",
            "0123456789abcdef", 70L * 1024 * 1024 / 16, "--></wps:GetCapabilities>");

        var run = MeasuredCgi.Post(Services.Path, body, "text/xml");

        AssertRefusedAsTooLarge(run, "a 70 MB body");
    }

    [Test]
    public void A_70_MB_body_without_CONTENT_LENGTH_is_refused_once_it_passes_the_limit()
    {
        var body = BodyFiles.Write(Bodies, "seventy-unannounced.xml", """<?xml version="1.0"?><wps:GetCapabilities service="WPS" xmlns:wps="http://www.opengis.net/wps/1.0.0"><!--""",
            "0123456789abcdef", 70L * 1024 * 1024 / 16, "--></wps:GetCapabilities>");

        var run = MeasuredCgi.Run(Services.Path, "POST", "", body, "text/xml", contentLength: null, null);

        AssertRefusedAsTooLarge(run, "a 70 MB body without CONTENT_LENGTH");
        Assert.That(run.UnreadBodyBytes, Is.GreaterThan(0), "it read the whole body");
    }

    [Test]
    public void A_2_MB_form_body_is_refused()
    {
        var body = BodyFiles.Write(Bodies, "form.txt", "service=WPS&version=1.0.0&request=DescribeProcess&identifier=", "A", 2L * 1024 * 1024, "");

        var run = MeasuredCgi.Post(Services.Path, body, "application/x-www-form-urlencoded");

        AssertRefusedAsTooLarge(run, "a 2 MB form body");
    }

    [Test]
    public void Nothing_of_a_refused_body_is_left_in_tmpPath()
    {
        var body = BodyFiles.Write(Bodies, "seventy-left.xml", "<x>", "0123456789abcdef", 70L * 1024 * 1024 / 16, "</x>");

        MeasuredCgi.Run(Services.Path, "POST", "", body, "text/xml", contentLength: null, null);

        // (cacheDir is tmpPath in these copies: the service header cache of GetCapabilities may sit there.)
        Assert.That(Directory.EnumerateFileSystemEntries(Services.TmpPath)
            .Where(path => !Path.GetFileName(path).StartsWith("zoo-service-headers-", StringComparison.Ordinal)), Is.Empty);
    }
}
