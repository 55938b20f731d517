using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// One job store for both APIs (spec/ogcapi.md §4.3; test plan §7.2 item 16): a job started by a WPS 2.0.0 Execute
/// is seen through <c>/jobs</c>, a job started through the OGC API answers WPS 2.0.0 GetStatus and Dismiss.
/// </summary>
[TestFixture]
public sealed class CrossApiJobTests : OgcApiFixture
{
    private string _wpsJob = null!;
    private ApiResponse _wpsJobWhileKnown = null!;
    private ApiResponse _wpsJobFinal = null!;
    private ApiResponse _wpsJobResults = null!;

    /// <summary>A WPS 2.0.0 asynchronous Execute of echo with input a.</summary>
    private static string WpsAsyncEcho(string a) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute service="WPS" version="2.0.0" response="document" mode="async" {Wps20Namespaces}>
          <ows:Identifier>echo</ows:Identifier>
          {Data20("a", "", X(a))}
          {Output20("a")}
        </wps:Execute>
        """;

    [OneTimeSetUp]
    public void StartAJobThroughWps()
    {
        _wpsJob = Async.AsyncRequests.JobIdOf(CgiProcess.Post(Services.Path, WpsAsyncEcho("from wps")));
        _wpsJobWhileKnown = Api.Get($"/jobs/{_wpsJob}");
        Jobs.WaitUntilFinal(_wpsJob);
        _wpsJobFinal = Api.Get($"/jobs/{_wpsJob}");
        _wpsJobResults = Api.Get($"/jobs/{_wpsJob}/results");
    }

    [Test]
    public void A_wps_job_is_seen_at_jobs_id()
    {
        Assert.That((_wpsJobWhileKnown.StatusCode, _wpsJobWhileKnown.Member("jobID")), Is.EqualTo((200, _wpsJob)), _wpsJobWhileKnown.ToString);
    }

    [Test]
    public void A_wps_job_status_is_a_valid_statusInfo()
    {
        JsonSchemaValidator.AssertValid("statusInfo", _wpsJobFinal);
    }

    [Test]
    public void A_wps_job_status_names_its_process()
    {
        Assert.That(_wpsJobFinal.Member("processID"), Is.EqualTo("echo"), _wpsJobFinal.ToString);
    }

    [Test]
    public void A_finished_wps_job_is_successful_through_the_api()
    {
        Assert.That(_wpsJobFinal.Member("status"), Is.EqualTo("successful"), _wpsJobFinal.ToString);
    }

    [Test]
    public void Results_of_a_wps_job_are_a_results_document()
    {
        Assert.That((_wpsJobResults.StatusCode, _wpsJobResults.MediaType), Is.EqualTo((200, "application/json")), _wpsJobResults.ToString);
        Assert.That(_wpsJobResults.Text, Does.Contain("\"from wps\""), _wpsJobResults.ToString);
    }

    [Test]
    public void An_api_job_answers_wps_get_status_running_with_the_same_job_id()
    {
        var id = StartJob("echo", Execute(new JsonObject { ["a"] = "slow", ["pause"] = 60 }, ByValue("a")));
        WaitForStatus(id, "running");

        var status = Jobs.Status(id);

        Assert.That((status.JobId, status.Status), Is.EqualTo((id, "Running")));
    }

    [Test]
    public void A_finished_api_job_answers_wps_get_status_succeeded()
    {
        var id = StartJob("echo", Execute(new JsonObject { ["a"] = "quick" }, ByValue("a")));
        WaitForStatus(id, "successful", "failed");

        Assert.That(Jobs.Status(id).Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void Wps_dismiss_of_an_api_job_answers_dismissed()
    {
        var id = StartJob("echo", Execute(new JsonObject { ["a"] = "slow", ["pause"] = 60 }, ByValue("a")));
        WaitForStatus(id, "running");

        var dismissed = StatusInfo.Parse(Jobs.Dismiss(id));

        Assert.That((dismissed.JobId, dismissed.Status), Is.EqualTo((id, "Dismissed")));
    }

    [Test]
    public void An_api_job_dismissed_through_wps_is_unknown_to_the_api()
    {
        var id = StartJob("echo", Execute(new JsonObject { ["a"] = "slow", ["pause"] = 60 }, ByValue("a")));
        WaitForStatus(id, "running");
        Jobs.Dismiss(id);

        var answer = Api.Get($"/jobs/{id}");

        Assert.That(answer.StatusCode, Is.EqualTo(404), answer.ToString);
    }
}
