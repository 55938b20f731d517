using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Native;

/// <summary>
/// serviceType=C through the published zoo_loader.cgi, synchronously: a .zo built by gcc is called with ZOO's
/// maps; what it returns, fails with or crashes on ends as a clean answer of that request only.
/// </summary>
[TestFixture]
public sealed class CServiceExecuteTests
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void BuildServices() => _services = CServiceDirectory.Create();

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    private CgiResult Run(string name, string rest = "&ResponseDocument=Result") =>
        CgiProcess.Get(_services.Path, Kvp(name, "name=World", rest));

    private static string? Literal(CgiResult result) =>
        XDocument.Parse(result.Text).Descendants(Wps10 + "LiteralData").SingleOrDefault()?.Value;

    [Test]
    public void A_C_service_gets_its_literal_input_and_returns_its_output()
    {
        var result = Run("HelloC");

        Assert.That(Literal(result), Is.EqualTo("Hello World from C"), result.Text);
    }

    [Test]
    public void The_answer_of_a_C_service_is_schema_valid()
    {
        SchemaValidator.AssertValid(Run("HelloC"));
    }

    [Test]
    public void A_raw_output_of_a_C_service_is_exactly_its_value()
    {
        var result = Run("HelloC", "&RawDataOutput=Result");

        Assert.That(result.Text, Is.EqualTo("Hello World from C"));
    }

    [Test]
    public void A_binary_output_with_its_size_comes_back_byte_for_byte()
    {
        var result = CgiProcess.Get(_services.Path, Kvp("BinaryC", "", "&RawDataOutput=Result"));

        Assert.That(result.Body, Is.EqualTo(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()), result.Text);
    }

    [Test]
    public void A_C_service_that_fails_is_reported_with_its_lenv_message()
    {
        var result = Run("FailC");

        Assert.That(OwsReport.Text(result), Is.EqualTo("FailC refused on purpose"), result.Text);
    }

    [Test]
    public void A_C_service_that_crashes_is_reported_as_killed_by_SIGSEGV()
    {
        var result = Run("CrashC");

        Assert.That(OwsReport.Text(result), Is.EqualTo("The C service CrashC (test_services.zo) ended without a result: killed by signal 11 (SIGSEGV)."), result.Text);
    }

    [Test]
    public void The_report_of_a_crashed_C_service_is_schema_valid()
    {
        SchemaValidator.AssertValid(Run("CrashC"));
    }

    [Test]
    public void The_kernel_answers_the_next_request_after_a_C_service_crashed()
    {
        Run("CrashC");

        Assert.That(Literal(Run("HelloC")), Is.EqualTo("Hello World from C"));
    }

    [Test]
    public void A_C_service_that_never_returns_is_stopped_at_the_timeout()
    {
        var result = Run("LoopC");

        Assert.That(OwsReport.Text(result), Is.EqualTo("The C service LoopC did not finish within 2 seconds."), result.Text);
    }

    [Test]
    public void What_a_C_service_prints_does_not_reach_the_answer()
    {
        var result = Run("PrintC", "&RawDataOutput=Result");

        Assert.That(result.Text, Is.EqualTo("quiet"));
    }

    [Test]
    public void A_missing_shared_object_is_reported_as_ZOO_reports_it()
    {
        _services.Write("NoLibraryC.zcfg", File.ReadAllText(Path.Combine(_services.Path, "HelloC.zcfg"))
            .Replace("[HelloC]", "[NoLibraryC]", StringComparison.Ordinal)
            .Replace(CServiceDirectory.Library, "absent.zo", StringComparison.Ordinal));

        var result = Run("NoLibraryC");

        Assert.That(OwsReport.Text(result), Does.StartWith("Unable to load C Library"), result.Text);
    }
}
