using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests;

/// <summary>Every request ZOO refuses gets an OWS ExceptionReport with ZOO's code, locator and status.</summary>
[TestFixture]
public sealed class ExceptionReportTests
{
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Ows20 = "http://www.opengis.net/ows/2.0";
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [TestCase("service=WPS&version=1.0.0", "MissingParameterValue", "request", "400 Bad request")]
    [TestCase("request=GetCapabilities", "MissingParameterValue", "service", "400 Bad request")]
    [TestCase("service=WFS&request=GetCapabilities", "InvalidParameterValue", "service", "400 Bad request")]
    [TestCase("service=WPS&version=1.0.0&request=GetMap", "OperationNotSupported", "GetMap", "500 Internal Server Error")]
    [TestCase("service=WPS&version=1.0.0&request=GetStatus&jobid=x", "OperationNotSupported", "GetStatus", "500 Internal Server Error")]
    [TestCase("service=WPS&version=3.0.0&request=DescribeProcess&identifier=HelloPy", "VersionNegotiationFailed", "version", "400 Bad request")]
    [TestCase("service=WPS&request=DescribeProcess&identifier=HelloPy", "MissingParameterValue", "version", "400 Bad request")]
    [TestCase("service=WPS&version=1.0.0&request=DescribeProcess", "MissingParameterValue", "identifier", "400 Bad request")]
    [TestCase("service=WPS&version=2.0.0&request=GetStatus", "MissingParameterValue", "jobid", "400 Bad request")]
    [TestCase("service=WPS&request=GetCapabilities&AcceptVersions=3.0.0", "VersionNegotiationFailed", "AcceptVersions", "400 Bad request")]
    [TestCase("service=WPS&request=GetCapabilities&language=de-DE", "InvalidParameterValue", "language", "400 Bad request")]
    [TestCase("service=WPS&version=1.0.0&request=DescribeProcess&identifier=NoSuchService", "InvalidParameterValue", "Identifier", "400 Bad request")]
    [TestCase("service=WPS&version=1.0.0&request=DescribeProcess&identifier=ogc.tests.Nothing", "InvalidParameterValue", "identifier", "400 Bad request")]
    public void A_refused_request_reports_code_locator_and_status(string query, string code, string locator, string status)
    {
        var result = CgiProcess.Get(_services.Path, query);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(status));
            Assert.That(result.ContentType, Is.EqualTo("text/xml; charset=utf-8"));
            var first = FirstException(result);
            Assert.That(first.Attribute("exceptionCode")?.Value, Is.EqualTo(code));
            Assert.That(first.Attribute("locator")?.Value, Is.EqualTo(locator));
        });
        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void Missing_request_and_service_are_reported_together()
    {
        var result = CgiProcess.Get(_services.Path, "version=1.0.0");

        var locators = Exceptions(result).Select(e => e.Attribute("locator")?.Value);
        Assert.That(locators, Is.EqualTo(new[] { "request", "service" }));
    }

    [Test]
    public void An_unknown_request_is_reported_with_the_service_check()
    {
        var result = CgiProcess.Get(_services.Path, "version=1.0.0&request=Nope");

        var codes = Exceptions(result).Select(e => e.Attribute("exceptionCode")?.Value);
        Assert.That(codes, Is.EqualTo(new[] { "OperationNotSupported", "MissingParameterValue" }));
    }

    [Test]
    public void A_missing_request_text_is_the_one_ZOO_writes()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0");

        Assert.That(FirstException(result).Value, Is.EqualTo("Mandatory parameter <request> was not specified"));
    }

    [Test]
    public void A_WPS_2_request_is_refused_in_an_OWS_2_report()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=2.0.0&request=DescribeProcess&identifier=Nothing");

        var report = XDocument.Parse(result.Text).Root!;
        Assert.Multiple(() =>
        {
            Assert.That(report.Name, Is.EqualTo(Ows20 + "ExceptionReport"));
            Assert.That(report.Attribute("version")?.Value, Is.EqualTo("2.0.2"));
        });
        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void A_missing_main_cfg_is_an_internal_error()
    {
        using var empty = new EmptyDirectory();

        var result = CgiProcess.Get(empty.Path, "service=WPS&request=GetCapabilities", executable: CopyOfLoader(empty.Path));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("500 Internal Server Error"));
            Assert.That(FirstException(result).Attribute("exceptionCode")?.Value, Is.EqualTo("InternalError"));
            Assert.That(FirstException(result).Value, Is.EqualTo("Unable to load the main.cfg file."));
        });
    }

    [Test]
    public void An_unreadable_main_cfg_is_an_internal_error_and_the_log_names_file_and_line()
    {
        using var broken = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        File.AppendAllText(Path.Combine(broken.Path, "main.cfg"), "\nthis line has no equals sign\n");

        var result = CgiProcess.Get(broken.Path, "service=WPS&request=GetCapabilities");

        Assert.Multiple(() =>
        {
            Assert.That(FirstException(result).Attribute("exceptionCode")?.Value, Is.EqualTo("InternalError"));
            Assert.That(result.StandardError, Does.Match(@"main\.cfg line \d+: expected key=value"));
        });
    }

    [Test]
    public void A_broken_service_file_is_an_internal_error_naming_the_line()
    {
        using var broken = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        broken.Write("Broken.zcfg", "[Broken]\n Title = x\n <DataOutputs>\n  [out]\n   <LiteralData>\n");

        var result = CgiProcess.Get(broken.Path, "service=WPS&version=1.0.0&request=DescribeProcess&identifier=Broken");

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("500 Internal Server Error"));
            Assert.That(FirstException(result).Value, Does.StartWith("Unable to parse the ZCFG file: Broken.zcfg (error: line"));
        });
    }

    private static string CopyOfLoader(string directory)
    {
        // Beside the executable is the second place main.cfg is looked for: use a copy with none beside it.
        var copy = Path.Combine(directory, "zoo_loader.cgi");
        File.Copy(RepositoryPaths.ZooLoader, copy);
        return copy;
    }

    private static XElement FirstException(CgiResult result) => Exceptions(result).First();

    private static IEnumerable<XElement> Exceptions(CgiResult result)
    {
        var report = XDocument.Parse(result.Text).Root!;
        var ows = report.Name.Namespace == Ows20 ? Ows20 : Ows11;
        return report.Elements(ows + "Exception");
    }

    private sealed class EmptyDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("zoo-it-empty-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
