using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 11: when a service failed, what it had printed on standard error went into the client's answer (the
/// ExceptionReport, the 1.0.0 status document, the 2.0.0 result), secrets and all. What a service prints is for
/// the server's log: the answers carry the failure's own message and nothing of the service's output. The fixture
/// services print <c>PASSWORD=hunter2</c> on standard error, then raise, call sys.exit(3) or os._exit(9).
/// </summary>
[TestFixture]
public sealed class ServiceErrorLeakTests
{
    private const string Secret = "hunter2";

    private ServiceDirectory _services = null!;
    private AsyncJobs _jobs = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _jobs = new AsyncJobs(_services);
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        _jobs.KillAllWorkers();
        _services.Dispose();
    }

    /// <summary>Each failing service, and a pattern its failure's own message matches.</summary>
    private static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData("LeakRaise", "ValueError: the leaking service failed on purpose").SetArgDisplayNames("raise");
        yield return new TestCaseData("LeakExit", "SystemExit: 3").SetArgDisplayNames("sys.exit(3)");
        yield return new TestCaseData("LeakHardExit", "exit code 9").SetArgDisplayNames("os._exit(9)");
    }

    [TestCaseSource(nameof(Failures))]
    public void The_synchronous_ExceptionReport_has_the_failure_but_not_what_the_service_printed(string service, string message)
    {
        var result = CgiProcess.Get(_services.Path, Kvp(service, "duration=0", "&RawDataOutput=Result"));

        CgiAnswer.AssertReport(result, "NoApplicableCode");
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Not.Contain(Secret));
            Assert.That(result.Text, Does.Not.Contain("PASSWORD="));
            Assert.That(OwsReport.Text(result), Does.Contain(message));
        });
        SchemaValidator.AssertValid(result);
    }

    [TestCaseSource(nameof(Failures))]
    public void The_1_0_0_status_document_has_the_failure_but_not_what_the_service_printed(string service, string message)
    {
        var accepted = CgiProcess.Get(_services.Path, Kvp(service, "duration=0", "&ResponseDocument=Result&storeExecuteResponse=true&status=true"));
        var location = StatusLocationOf(accepted);
        _jobs.WaitUntilFinal(JobIdOfLocation(location));

        var document = _jobs.Fetch(location);

        CgiAnswer.AssertProper(document);
        var (status, _, text) = Status10(document);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("ProcessFailed"), document.Text);
            Assert.That(document.Text, Does.Not.Contain(Secret));
            Assert.That(document.Text, Does.Not.Contain("PASSWORD="));
            Assert.That(text, Does.Contain(message), document.Text);
        });
    }

    /// <remarks>Not one of the defects: the status document of any failed job, checked against the OGC schema.</remarks>
    [Test]
    public void The_1_0_0_status_document_of_a_failed_job_is_schema_valid()
    {
        var accepted = CgiProcess.Get(_services.Path, Kvp("LeakRaise", "duration=0", "&ResponseDocument=Result&storeExecuteResponse=true&status=true"));
        var location = StatusLocationOf(accepted);
        _jobs.WaitUntilFinal(JobIdOfLocation(location));

        var document = _jobs.Fetch(location);

        Assume.That(Status10(document).Status, Is.EqualTo("ProcessFailed"));
        SchemaValidator.AssertValid(document);
    }

    [TestCaseSource(nameof(Failures))]
    public void The_2_0_0_GetResult_has_the_failure_but_not_what_the_service_printed(string service, string message)
    {
        var accepted = CgiProcess.Post(_services.Path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <wps:Execute service="WPS" version="2.0.0" response="document" mode="async" {Wps20Namespaces}>
              <ows:Identifier>{service}</ows:Identifier>
              {Data20("duration", "", "0")}
              {Output20("Result")}
            </wps:Execute>
            """);
        var id = JobIdOf(accepted);
        Assert.That(_jobs.WaitUntilFinal(id).Status, Is.EqualTo("Failed"));

        var result = _jobs.GetResult(id);
        var status = _jobs.GetStatus(id);

        CgiAnswer.AssertProper(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Not.Contain(Secret));
            Assert.That(result.Text, Does.Not.Contain("PASSWORD="));
            Assert.That(result.Text, Does.Contain(message));
            Assert.That(status.Text, Does.Not.Contain(Secret));
        });
        SchemaValidator.AssertValid(result);
    }
}
