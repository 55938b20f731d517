using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Wps;

public class ExceptionReportWriterTests
{
    private static string Report(WpsVersion version, string language, params OwsError[] errors) =>
        Documents.Render(ExceptionReportWriter.Build(errors, version, language));

    [Test]
    public void A_1_0_0_report_is_the_document_ZOO_writes()
    {
        var document = Report(WpsVersion.V100, "en-US",
            new OwsError("MissingParameterValue", "request", "Mandatory parameter <request> was not specified"));

        Assert.That(document, Is.EqualTo("""
            <?xml version="1.0" encoding="utf-8"?>
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd" xml:lang="en-US" version="1.1.0">
              <ows:Exception exceptionCode="MissingParameterValue" locator="request">
                <ows:ExceptionText>Mandatory parameter &lt;request&gt; was not specified</ows:ExceptionText>
              </ows:Exception>
            </ows:ExceptionReport>

            """));
    }

    [Test]
    public void A_2_0_0_report_uses_ows_2_0_and_version_2_0_2_and_keeps_xml_lang()
    {
        var document = Report(WpsVersion.V200, "fr-FR", new OwsError("NoSuchJob", "abc", "x"));

        Assert.That(document, Does.Contain("""
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ows/2.0 http://schemas.opengis.net/ows/2.0/owsExceptionReport.xsd" xml:lang="fr-FR" version="2.0.2">
            """));
    }

    [Test]
    public void Several_errors_give_several_exceptions_in_order()
    {
        var document = Report(WpsVersion.V100, "en-US",
            new OwsError("MissingParameterValue", "request", "a"),
            new OwsError("InvalidParameterValue", "service", "b"));

        Assert.That(Documents.SelectAll(document, "//ows:Exception", WpsVersion.V100).Select(e => e.Attribute("exceptionCode")!.Value),
            Is.EqualTo(new[] { "MissingParameterValue", "InvalidParameterValue" }));
    }

    [Test]
    public void The_code_comes_before_the_locator()
    {
        Assert.That(Report(WpsVersion.V100, "en-US", new OwsError("NoSuchJob", "abc", "x")),
            Does.Contain("<ows:Exception exceptionCode=\"NoSuchJob\" locator=\"abc\">"));
    }

    [Test]
    public void A_null_locator_is_omitted()
    {
        Assert.That(Report(WpsVersion.V100, "en-US", new OwsError("InternalError", null, "x")),
            Does.Contain("<ows:Exception exceptionCode=\"InternalError\">"));
    }

    [Test]
    public void A_NULL_locator_is_omitted()
    {
        Assert.That(Report(WpsVersion.V100, "en-US", new OwsError("InternalError", "NULL", "x")),
            Does.Contain("<ows:Exception exceptionCode=\"InternalError\">"));
    }

    [Test]
    public void An_empty_locator_is_omitted()
    {
        Assert.That(Report(WpsVersion.V100, "en-US", new OwsError("InternalError", "", "x")),
            Does.Contain("<ows:Exception exceptionCode=\"InternalError\">"));
    }

    [Test]
    public void A_missing_text_says_no_debug_message_is_available()
    {
        Assert.That(Report(WpsVersion.V100, "en-US", new OwsError("NoApplicableCode", null, "")),
            Does.Contain("<ows:ExceptionText>No debug message available</ows:ExceptionText>"));
    }

    [Test]
    public void A_locator_echoing_the_request_is_escaped()
    {
        Assert.That(Report(WpsVersion.V100, "en-US", new OwsError("OperationNotSupported", "<x a=\"1\">&", "t")),
            Does.Contain("locator=\"&lt;x a=&quot;1&quot;&gt;&amp;\""));
    }
}
