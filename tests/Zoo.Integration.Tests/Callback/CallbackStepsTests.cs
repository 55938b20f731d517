using System.Globalization;
using Zoo.Integration.Tests.Async;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Callback;

/// <summary>
/// An asynchronous job of a Python service tells a real callback service on 127.0.0.1 about each step it passes, in
/// order, as JSON: analyze, fetching inputs, downloading outputs and finalize when it succeeds; error when it fails;
/// dismiss when it is dismissed, running (its worker says so) or ended (the Dismiss request does).
/// </summary>
[TestFixture]
public sealed class CallbackStepsTests : AsyncFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly CallbackServer _server = new();
    private string _succeeded = null!;

    protected override void Prepare(ServiceDirectory services)
    {
        services.SetConfig("callback", "url", _server.Url);
        services.SetConfig("callback", "prohibited", "FinalizeHPC,FinalizeHPC1,DeleteData");
    }

    [OneTimeSetUp]
    public void RunOneJob()
    {
        _succeeded = JobIdOf(Post(Xml20(0.2, 1, "async")));
        Jobs.WaitUntilFinal(_succeeded);
        _server.WaitFor(_succeeded, "6_0", Deadline);
    }

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public void A_succeeded_python_job_sends_analyze_fetching_downloading_and_finalize_in_order()
    {
        Assert.That(_server.Of(_succeeded).Select(c => c.Step), Is.EqualTo(new[] { "0_0", "1_0", "1_1", "5_1", "6_0" }));
    }

    [Test]
    public void Every_call_is_json()
    {
        Assert.That(_server.Of(_succeeded).Select(c => c.ContentType), Is.All.StartsWith("application/json"));
    }

    [Test]
    public void Every_call_carries_the_time_it_was_made_in_utc()
    {
        foreach (var call in _server.Of(_succeeded))
        {
            var sent = DateTime.ParseExact(call["datetime"]!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.That(sent, Is.EqualTo(call.ReceivedUtc).Within(TimeSpan.FromSeconds(5)), call.Step);
        }
    }

    [Test]
    public void Analyze_names_the_process()
    {
        Assert.That(_server.Of(_succeeded)[0]["process_identifier"], Is.EqualTo("LongProcess"));
    }

    [Test]
    public void Analyze_carries_the_execute_request_as_wps_2_0_xml()
    {
        Assert.That(_server.Of(_succeeded)[0]["request_execute_content"], Does.Contain("<ows:Identifier>LongProcess</ows:Identifier>"));
    }

    [Test]
    public void Downloading_outputs_lists_the_output()
    {
        var downloading = _server.Of(_succeeded).Single(c => c.Step == "5_1");

        Assert.That(downloading.Body["outputs"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "Result" }));
    }

    [Test]
    public void Finalize_says_succeeded()
    {
        Assert.That(_server.Of(_succeeded).Single(c => c.Step == "6_0")["wps_status"], Is.EqualTo("succeeded"));
    }

    [Test]
    public void A_failed_job_ends_with_an_error_call_carrying_its_message()
    {
        var accepted = Get("service=WPS&version=1.0.0&request=Execute&identifier=FailingService&storeExecuteResponse=true&status=true");
        var id = JobIdOfLocation(StatusLocationOf(accepted));

        var error = _server.WaitFor(id, "7_0", Deadline).Last();

        Assert.That((error.Step, error["wps_status"], error["message"]),
            Is.EqualTo(("7_0", "failed", "FailingService always fails: it exists to test how a failed execution is reported.")));
    }

    [Test]
    public void Dismissing_a_job_that_has_ended_sends_the_dismiss_call()
    {
        var id = JobIdOf(Post(Xml20(0.1, 1, "async")));
        Jobs.WaitUntilFinal(id);
        _server.WaitFor(id, "6_0", Deadline);

        Jobs.Dismiss(id);

        var dismiss = _server.WaitFor(id, "7_1", Deadline).Last();
        Assert.That((dismiss.Step, dismiss["wps_status"], dismiss["message"]), Is.EqualTo(("7_1", "dismissed", "The job was dismissed.")));
    }

    [Test]
    public void A_dismissed_job_ends_with_a_dismiss_call()
    {
        var id = JobIdOf(Post(Xml20(30, 30, "async")));
        Jobs.WaitUntilProgressing(id);

        Jobs.Dismiss(id);

        var dismiss = _server.WaitFor(id, "7_1", Deadline).Last();
        Assert.That((dismiss.Step, dismiss["wps_status"]), Is.EqualTo(("7_1", "dismissed")));
    }
}
