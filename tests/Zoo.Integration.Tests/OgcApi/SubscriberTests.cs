using System.Text;
using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// The callback conformance class (spec/ogcapi.md §4.4; test plan §7.2 item 17): a job's subscriber URIs, on a local
/// listener, receive its status while it runs, its results document when it succeeds, its exception when it fails.
/// Two jobs run once, one of echo and one of FailingInvalidParameter; the tests read what the listener received.
/// </summary>
[TestFixture]
public sealed class SubscriberTests : OgcApiFixture
{
    private readonly CallbackServer _listener = new();
    private string _echo = null!;
    private string _failing = null!;

    private JsonObject Subscriber(string prefix) => new()
    {
        ["successUri"] = $"{_listener.Url}{prefix}-success/",
        ["inProgressUri"] = $"{_listener.Url}{prefix}-progress/",
        ["failedUri"] = $"{_listener.Url}{prefix}-failed/",
    };

    /// <summary>How long notifications may come after their job has ended (they are sent beside it, never blocking it).</summary>
    private static readonly TimeSpan NotificationDeadline = TimeSpan.FromSeconds(10);

    private static readonly string[] Expected = ["echo-progress", "echo-success", "fail-progress", "fail-failed"];

    [OneTimeSetUp]
    public void RunTwoSubscribedJobs()
    {
        _echo = StartJob("echo", Execute(new JsonObject { ["a"] = "notified" }, ByValue("a"), subscriber: Subscriber("echo")));
        _failing = StartJob("FailingInvalidParameter", Execute(new JsonObject { ["a"] = "x" }, subscriber: Subscriber("fail")));
        WaitForStatus(_echo, "successful", "failed");
        WaitForStatus(_failing, "successful", "failed");
        // Each test then fails on its own notification, not all of them on the first one missing.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < NotificationDeadline && !Expected.All(step => _listener.Received.Any(c => c.Step == step)))
            Thread.Sleep(Poll.Interval);
    }

    [OneTimeTearDown]
    public void StopListener() => _listener.Dispose();

    /// <summary>The POST the listener received at <c>/cb/&lt;step&gt;/</c>; fails the test when there is none.</summary>
    private ReceivedCallback Received(string step) =>
        _listener.Received.FirstOrDefault(c => c.Step == step)
        ?? throw new AssertionException($"no POST to {_listener.Url}{step}/ within {NotificationDeadline.TotalSeconds} s of the job's end; received: "
                                        + string.Join(", ", _listener.Received.Select(c => c.Step)));

    private static string? Problems(string schema, ReceivedCallback call) =>
        JsonSchemaValidator.Problems(schema, Encoding.UTF8.GetBytes(call.Body.ToJsonString()));

    [Test]
    public void Success_uri_receives_the_results_document()
    {
        var call = Received("echo-success");

        Assert.That(ApiJson.Same(call.Body["a"], JsonValue.Create("notified")), call.Body.ToJsonString());
    }

    [Test]
    public void Success_notification_is_a_valid_results_document()
    {
        var call = Received("echo-success");

        Assert.That(Problems("results", call), Is.Null, call.Body.ToJsonString());
    }

    [Test]
    public void Notifications_are_json()
    {
        var call = Received("echo-success");

        Assert.That(call.ContentType?.Split(';')[0].Trim(), Is.EqualTo("application/json"));
    }

    [Test]
    public void In_progress_uri_receives_the_status_of_the_running_job()
    {
        var call = Received("echo-progress");

        Assert.That((call["jobID"], call["status"]), Is.EqualTo((_echo, "running")), call.Body.ToJsonString());
    }

    [Test]
    public void In_progress_notification_is_a_valid_statusInfo()
    {
        var call = Received("echo-progress");

        Assert.That(Problems("statusInfo", call), Is.Null, call.Body.ToJsonString());
    }

    [Test]
    public void In_progress_uri_of_a_job_that_fails_is_told_it_runs()
    {
        var call = Received("fail-progress");

        Assert.That((call["jobID"], call["status"]), Is.EqualTo((_failing, "running")), call.Body.ToJsonString());
    }

    [Test]
    public void Failed_uri_receives_the_exception_of_a_failed_job()
    {
        var call = Received("fail-failed");

        Assert.That((call["type"], call["detail"]),
            Is.EqualTo(("InvalidParameterValue", "FailingInvalidParameter refuses every value: it exists to test how a rejected input is reported.")),
            call.Body.ToJsonString());
    }

    [Test]
    public void Failed_notification_is_a_valid_exception()
    {
        var call = Received("fail-failed");

        Assert.That(Problems("exception", call), Is.Null, call.Body.ToJsonString());
    }

    [Test]
    public void A_failed_job_notifies_no_success()
    {
        Received("fail-failed");

        Assert.That(_listener.Received.Select(c => c.Step), Has.None.EqualTo("fail-success"));
    }

    [Test]
    public void A_successful_job_notifies_no_failure()
    {
        Received("echo-success");

        Assert.That(_listener.Received.Select(c => c.Step), Has.None.EqualTo("echo-failed"));
    }
}
