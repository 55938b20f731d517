using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Native;

/// <summary>
/// serviceType=C run as a WPS 2.0.0 asynchronous job: the worker calls the .zo in a child process of its own,
/// so a crash fails the job, which still answers GetStatus and GetResult.
/// </summary>
[TestFixture]
public sealed class CServiceAsyncTests
{
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";

    private ServiceDirectory _services = null!;
    private AsyncJobs _jobs = null!;

    [OneTimeSetUp]
    public void BuildServices()
    {
        _services = CServiceDirectory.Create();
        _jobs = new AsyncJobs(_services);
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        _jobs.KillAllWorkers();
        _services.Dispose();
    }

    private string Submit(string name)
    {
        var request = Xml20(name, Data20("name", "", "World"), Output20("Result")).Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal);
        return StatusInfo.Parse(CgiProcess.Post(_services.Path, request)).JobId;
    }

    [Test]
    public void An_asynchronous_C_service_succeeds()
    {
        var id = Submit("HelloC");

        Assert.That(_jobs.WaitUntilFinal(id).Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void GetResult_of_an_asynchronous_C_service_gives_its_output()
    {
        var id = Submit("HelloC");
        _jobs.WaitUntilFinal(id);

        var result = _jobs.GetResult(id);

        Assert.That(XDocument.Parse(result.Text).Descendants(Wps20 + "LiteralValue").SingleOrDefault()?.Value
                    ?? XDocument.Parse(result.Text).Descendants(Wps20 + "Data").SingleOrDefault()?.Value,
            Is.EqualTo("Hello World from C"), result.Text);
    }

    [Test]
    public void An_asynchronous_C_service_that_crashes_ends_Failed()
    {
        var id = Submit("CrashC");

        Assert.That(_jobs.WaitUntilFinal(id).Status, Is.EqualTo("Failed"));
    }

    [Test]
    public void GetResult_of_a_crashed_C_job_names_the_signal()
    {
        var id = Submit("CrashC");
        _jobs.WaitUntilFinal(id);

        var result = _jobs.GetResult(id);

        Assert.That(result.Text, Does.Contain("killed by signal 11 (SIGSEGV)"), result.Text);
    }

    [Test]
    public void An_asynchronous_C_service_that_fails_ends_Failed_with_its_message()
    {
        var id = Submit("FailC");
        _jobs.WaitUntilFinal(id);

        Assert.That(_jobs.GetResult(id).Text, Does.Contain("FailC refused on purpose"));
    }
}
