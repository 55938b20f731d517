using System.Diagnostics;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests;

/// <summary>Hostile or broken requests get an ExceptionReport; nothing is read, fetched or crashed on.</summary>
[TestFixture]
public sealed class RequestSafetyTests
{
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void An_external_entity_is_never_read()
    {
        var secret = Path.Combine(_services.Path, "secret.txt");
        File.WriteAllText(secret, "MARKER-7f3a");
        var body = $"""
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>
            <wps:DescribeProcess service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Identifier>&x;</ows:Identifier></wps:DescribeProcess>
            """;

        var result = CgiProcess.Post(_services.Path, body);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(result.Text, Does.Contain("ExceptionReport"));
            Assert.That(result.Text + result.StandardError, Does.Not.Contain("MARKER-7f3a"));
        });
        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void Malformed_xml_gets_a_bad_request_report()
    {
        var result = CgiProcess.Post(_services.Path, "<wps:GetCapabilities service=\"WPS\"><unclosed>");

        Assert.That(result.Status, Is.EqualTo("400 Bad request"));
        SchemaValidator.AssertValid(result);
    }

    [TestCase("..%2FHelloPy")]
    [TestCase("ogc%2Ftests%2FEcho")]
    [TestCase("..%5C..%5Cmain")]
    [TestCase("..")]
    [TestCase("ogc..tests.Echo")]
    [TestCase("Hello%00Py")]
    [TestCase(".HelloPy")]
    public void An_identifier_that_could_leave_the_service_directory_is_unknown(string identifier)
    {
        var result = CgiProcess.Get(_services.Path, $"service=WPS&version=1.0.0&request=DescribeProcess&identifier={identifier}");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(ExceptionCode(result), Is.EqualTo("InvalidParameterValue"));
        });
    }

    [Test]
    public void A_service_file_outside_the_service_directory_is_never_described()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_services.Path)!, "Outside.zcfg");
        File.WriteAllText(outside, "[Outside]\n Title = must never be served\n");
        try
        {
            var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=DescribeProcess&identifier=..%2FOutside");

            Assert.That(result.Text, Does.Not.Contain("must never be served"));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public void A_metapath_that_climbs_out_is_refused()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&request=GetCapabilities&metapath=..%2F..%2Fetc");

        Assert.That(ExceptionCode(result), Is.EqualTo("InternalError"));
    }

    [Test]
    public void An_empty_query_string_gets_a_report()
    {
        var result = CgiProcess.Get(_services.Path, "");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(ExceptionCode(result), Is.EqualTo("MissingParameterValue"));
        });
    }

    /// <remarks>
    /// Linux refuses an environment string over 128 KiB (MAX_ARG_STRLEN), so no web server can hand a
    /// CGI a longer QUERY_STRING: this is the largest that can arrive.
    /// </remarks>
    [Test]
    public void The_longest_possible_query_string_gets_a_report()
    {
        const int maxArgStrlen = 128 * 1024;
        var prefix = "service=WPS&version=1.0.0&request=DescribeProcess&identifier=";
        var query = prefix + new string('A', maxArgStrlen - "QUERY_STRING=".Length - prefix.Length - 1);

        var result = CgiProcess.Get(_services.Path, query);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(ExceptionCode(result), Is.EqualTo("InvalidParameterValue"));
        });
    }

    [Test]
    public void A_form_body_just_under_the_key_value_limit_gets_a_report_about_its_content()
    {
        var body = "service=WPS&version=1.0.0&request=DescribeProcess&identifier=" + new string('A', 1000 * 1024);

        var result = CgiProcess.Run(_services.Path, "POST", "", System.Text.Encoding.ASCII.GetBytes(body),
            "application/x-www-form-urlencoded", null);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(ExceptionCode(result), Is.EqualTo("InvalidParameterValue"));
        });
    }

    [Test]
    public void A_form_body_over_the_key_value_limit_is_refused_as_too_large()
    {
        var body = "service=WPS&version=1.0.0&request=DescribeProcess&identifier=" + new string('A', 1024 * 1024);

        var result = CgiProcess.Run(_services.Path, "POST", "", System.Text.Encoding.ASCII.GetBytes(body),
            "application/x-www-form-urlencoded", null);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("413 Request Entity Too Large"));
            Assert.That(ExceptionCode(result), Is.EqualTo("FileSizeExceeded"));
        });
    }

    [Test]
    public void Percent_encoded_invalid_utf8_gets_a_report_naming_the_parameter()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=DescribeProcess&identifier=%FF%FE");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(Locator(result), Is.EqualTo("identifier"));
        });
    }

    [Test]
    public void Raw_invalid_utf8_in_the_query_string_gets_a_report()
    {
        // The environment can only carry raw bytes through a shell: .NET would encode a string as UTF-8.
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c",
                "export REQUEST_METHOD=GET QUERY_STRING=\"$(printf 'service=WPS&version=1.0.0&request=DescribeProcess&identifier=\\xff\\xfe')\"; exec \"$0\"",
                RepositoryPaths.ZooLoader,
            },
            WorkingDirectory = _services.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();

        var result = CgiResult.Parse(output.ToArray(), process.StandardError.ReadToEnd(), process.ExitCode);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(ExceptionCode(result), Is.EqualTo("InvalidParameterValue"));
        });
    }

    [Test]
    public void No_answer_carries_a_stack_trace()
    {
        var result = CgiProcess.Post(_services.Path, "<<<>>>");

        Assert.That(result.Text + result.StandardError, Does.Not.Contain("   at "));
    }

    private static string? ExceptionCode(CgiResult result) =>
        XDocument.Parse(result.Text).Root!.Elements().First().Attribute("exceptionCode")?.Value;

    private static string? Locator(CgiResult result) =>
        XDocument.Parse(result.Text).Root!.Elements().First().Attribute("locator")?.Value;
}
