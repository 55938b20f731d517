using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// An asynchronous Execute is answered at once, whatever the job's length: 1.0.0 ProcessAccepted with
/// a statusLocation, 2.0.0 StatusInfo Accepted with a JobID. The time is the CGI process's wall time,
/// start to exit with its output read to the end, as a web server waits for it.
/// </summary>
[TestFixture]
public sealed class AsyncAcceptTests : AsyncFixture
{
    private const double Duration = 3;
    // Far below the job's 3 s, so that an answer within it cannot have waited for the job, and far above the ~5 ms
    // the answer takes (bench/async-load.sh measures it), so that a loaded machine does not fail the test.
    internal static readonly TimeSpan AcceptBudget = TimeSpan.FromSeconds(1);

    [OneTimeSetUp]
    public void WarmUp() =>
        // The first process the test host starts pays for loading System.Diagnostics.Process: not the CGI's time.
        Get("service=WPS&request=GetCapabilities&version=1.0.0");

    [Test]
    public void A_1_0_0_KVP_async_Execute_answers_without_waiting_for_its_job()
    {
        var (result, elapsed) = AsyncJobs.Timed(() => Get(Kvp10(Duration, 6)));

        Assert.That(elapsed, Is.LessThan(AcceptBudget), result.Text);
    }

    [Test]
    public void A_1_0_0_KVP_async_Execute_answers_ProcessAccepted()
    {
        var result = Get(Kvp10(Duration, 6));

        Assert.That(Status10(result).Status, Is.EqualTo("ProcessAccepted"), result.Text);
    }

    [Test]
    public void A_1_0_0_KVP_async_Execute_gives_a_statusLocation_naming_the_job()
    {
        var result = Get(Kvp10(Duration, 6));

        var id = JobIdOfLocation(StatusLocationOf(result));
        Assert.That(File.Exists(Path.Combine(Services.TmpPath, id + ".sid")), Is.True, result.Text);
    }

    [Test]
    public void A_1_0_0_KVP_async_Execute_answer_is_schema_valid()
    {
        SchemaValidator.AssertValid(Get(Kvp10(Duration, 6)));
    }

    [Test]
    public void A_2_0_0_POST_async_Execute_answers_without_waiting_for_its_job()
    {
        var (result, elapsed) = AsyncJobs.Timed(() => Post(Xml20(Duration, 6, "async")));

        Assert.That(elapsed, Is.LessThan(AcceptBudget), result.Text);
    }

    [Test]
    public void A_2_0_0_POST_async_Execute_answers_StatusInfo_Accepted()
    {
        var result = Post(Xml20(Duration, 6, "async"));

        Assert.That(StatusInfo.Parse(result).Status, Is.EqualTo("Accepted"), result.Text);
    }

    [Test]
    public void A_2_0_0_POST_async_Execute_gives_the_JobID_of_a_known_job()
    {
        var result = Post(Xml20(Duration, 6, "async"));

        Assert.That(File.Exists(Path.Combine(Services.TmpPath, JobIdOf(result) + ".sid")), Is.True, result.Text);
    }

    [Test]
    public void A_2_0_0_POST_async_Execute_answer_is_schema_valid()
    {
        SchemaValidator.AssertValid(Post(Xml20(Duration, 6, "async")));
    }
}

/// <summary>WPS 2.0.0 mode="auto" runs asynchronously a service whose .zcfg says mode = async.</summary>
[TestFixture]
public sealed class AsyncAutoModeTests : AsyncFixture
{
    private const double Duration = 3;

    protected override void Prepare(ServiceDirectory services)
    {
        var zcfg = Path.Combine(services.Path, "LongProcess.zcfg");
        var lines = File.ReadAllLines(zcfg).ToList();
        lines.Insert(lines.FindIndex(l => l.TrimStart().StartsWith("serviceProvider", StringComparison.Ordinal)) + 1, " mode = async");
        File.WriteAllLines(zcfg, lines);
        Get("service=WPS&request=GetCapabilities&version=1.0.0");
    }

    [Test]
    public void A_2_0_0_POST_auto_Execute_of_an_async_service_answers_without_waiting_for_its_job()
    {
        var (result, elapsed) = AsyncJobs.Timed(() => Post(Xml20(Duration, 6, "auto")));

        Assert.That(elapsed, Is.LessThan(AsyncAcceptTests.AcceptBudget), result.Text);
    }

    [Test]
    public void A_2_0_0_POST_auto_Execute_of_an_async_service_answers_StatusInfo_Accepted()
    {
        var result = Post(Xml20(Duration, 6, "auto"));

        Assert.That(StatusInfo.Parse(result).Status, Is.EqualTo("Accepted"), result.Text);
    }

    [Test]
    public void A_2_0_0_POST_auto_Execute_of_an_async_service_gives_the_JobID_of_a_known_job()
    {
        var result = Post(Xml20(Duration, 6, "auto"));

        Assert.That(File.Exists(Path.Combine(Services.TmpPath, JobIdOf(result) + ".sid")), Is.True, result.Text);
    }

    [Test]
    public void A_2_0_0_POST_auto_Execute_of_an_async_service_answer_is_schema_valid()
    {
        SchemaValidator.AssertValid(Post(Xml20(Duration, 6, "auto")));
    }
}
