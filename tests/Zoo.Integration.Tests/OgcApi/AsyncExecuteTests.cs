using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// Asynchronous execution (spec/ogcapi.md §3.6 execution mode, §3.7 async, §3.8 statusInfo, §3.9 results; test plan
/// §7.2 items 10–12): the 201 answer, the job's status until it succeeds, its results; a job still running has no
/// results yet; a failed job's results are its exception; an async-only process makes a job without Prefer, a
/// sync-only one (HelloPy made so in this copy) answers at once despite it.
/// The jobs are started once; the tests read what was recorded.
/// </summary>
[TestFixture]
public sealed class AsyncExecuteTests : OgcApiFixture
{
    private const string ResultsRel = "http://www.opengis.net/def/rel/ogc/1.0/results";

    private ApiResponse _accepted = null!;
    private string _id = null!;
    private ApiResponse _firstStatus = null!;
    private ApiResponse _finalStatus = null!;
    private ApiResponse _results = null!;
    private ApiResponse _pausedAccepted = null!;
    private ApiResponse _pausedResults = null!;
    private ApiResponse _pausedStatus = null!;
    private IReadOnlyDictionary<string, string?> _problems = null!;

    /// <summary>HelloPy made synchronous only: a .zcfg that supports neither status nor storage.</summary>
    protected override void Prepare(ServiceDirectory services)
    {
        var zcfg = Path.Combine(services.Path, "HelloPy.zcfg");
        File.WriteAllText(zcfg, File.ReadAllText(zcfg)
            .Replace("storeSupported = true", "storeSupported = false", StringComparison.Ordinal)
            .Replace("statusSupported = true", "statusSupported = false", StringComparison.Ordinal));
    }

    [OneTimeSetUp]
    public void RunAJobAndAPausedOne()
    {
        _pausedAccepted = Api.Post("/processes/echo/execution",
            Execute(new JsonObject { ["a"] = "slow", ["pause"] = 5 }, ByValue("a")), prefer: "respond-async");
        var paused = JobIdOf(_pausedAccepted);
        _pausedResults = Api.Get($"/jobs/{paused}/results");
        _pausedStatus = Api.Get($"/jobs/{paused}");

        _accepted = Api.Post("/processes/echo/execution", Execute(new JsonObject { ["a"] = "async value" }, ByValue("a")), prefer: "respond-async");
        _id = JobIdOf(_accepted);
        _firstStatus = Api.Get(_accepted.Header("Location")![RootUrl.Length..]);
        _finalStatus = WaitForStatus(_id, "successful", "failed", "dismissed");
        _results = Api.Get($"/jobs/{_id}/results");
        _problems = Validate(("accepted", "statusInfo", _accepted), ("first", "statusInfo", _firstStatus),
            ("final", "statusInfo", _finalStatus), ("results", "results", _results), ("notReady", "exception", _pausedResults));
    }

    [Test]
    public void Respond_async_answers_201_with_a_location_under_jobs()
    {
        Assert.That((_accepted.StatusCode, _accepted.Header("Location")), Is.EqualTo((201, $"{RootUrl}/jobs/{_id}")), _accepted.ToString);
    }

    [Test]
    public void Respond_async_answer_says_the_preference_was_applied()
    {
        Assert.That(_accepted.Header("Preference-Applied"), Does.Contain("respond-async"), _accepted.ToString);
    }

    [Test]
    public void Respond_async_answer_is_a_valid_statusInfo()
    {
        Assert.That(_problems["accepted"], Is.Null, _accepted.ToString);
    }

    [Test]
    public void Respond_async_answer_is_the_accepted_status_of_the_job()
    {
        Assert.That((_accepted.Member("jobID"), _accepted.Member("status")), Is.EqualTo((_id, "accepted")), _accepted.ToString);
    }

    [Test]
    public void The_location_answers_a_valid_statusInfo_of_the_job()
    {
        Assert.That((_firstStatus.StatusCode, _firstStatus.Member("jobID")), Is.EqualTo((200, _id)), _firstStatus.ToString);
        Assert.That(_problems["first"], Is.Null, _firstStatus.ToString);
    }

    [Test]
    public void The_job_ends_successful()
    {
        Assert.That(_finalStatus.Member("status"), Is.EqualTo("successful"), _finalStatus.ToString);
    }

    [Test]
    public void The_final_status_is_a_valid_statusInfo()
    {
        Assert.That(_problems["final"], Is.Null, _finalStatus.ToString);
    }

    [Test]
    public void The_final_status_names_the_process_and_says_100_percent()
    {
        Assert.That((_finalStatus.Member("processID"), _finalStatus.Object["progress"]?.GetValue<int>()), Is.EqualTo(("echo", (int?)100)),
            _finalStatus.ToString);
    }

    [Test]
    public void The_final_status_links_to_the_results_with_the_results_rel()
    {
        Assert.That(_finalStatus.LinksOf(ResultsRel), Does.Contain($"{RootUrl}/jobs/{_id}/results"), _finalStatus.ToString);
    }

    [Test]
    public void The_status_links_to_itself()
    {
        var hrefs = _finalStatus.LinksOf("self").Concat(_finalStatus.LinksOf("monitor"));

        Assert.That(hrefs, Does.Contain($"{RootUrl}/jobs/{_id}"), _finalStatus.ToString);
    }

    [Test]
    public void Results_of_the_job_answer_200_with_a_valid_results_document()
    {
        Assert.That((_results.StatusCode, _results.MediaType), Is.EqualTo((200, "application/json")), _results.ToString);
        Assert.That(_problems["results"], Is.Null, _results.ToString);
    }

    [Test]
    public void Results_of_the_job_hold_the_echoed_input()
    {
        Assert.That(ApiJson.Same(_results.Object["a"], JsonValue.Create("async value")), _results.ToString);
    }

    [Test]
    public void Results_of_a_running_job_are_a_404_result_not_ready()
    {
        Assert.That((_pausedResults.StatusCode, _pausedResults.Member("type")),
            Is.EqualTo((404, "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready")), _pausedResults.ToString);
    }

    [Test]
    public void Results_of_a_running_job_answer_a_valid_exception()
    {
        Assert.That(_problems["notReady"], Is.Null, _pausedResults.ToString);
    }

    [Test]
    public void A_paused_job_is_accepted_or_running_meanwhile()
    {
        Assert.That(_pausedStatus.Member("status"), Is.AnyOf("accepted", "running"), _pausedStatus.ToString);
    }

    [Test]
    public void Raw_results_of_a_job_are_the_output_with_its_media_type()
    {
        var id = StartJob("echo", Execute(new JsonObject { ["a"] = "raw job" }, ByValue("a"), response: "raw"));
        WaitForStatus(id, "successful", "failed");

        var results = Api.Get($"/jobs/{id}/results");

        Assert.That((results.StatusCode, results.MediaType, results.Text), Is.EqualTo((200, "text/plain", "raw job")), results.ToString);
    }

    [Test]
    public void Mode_async_in_the_query_makes_a_job_too()
    {
        var answer = Api.Post("/processes/echo/execution?mode=async", Execute(new JsonObject { ["a"] = "x" }, ByValue("a")));

        Assert.That(answer.StatusCode, Is.EqualTo(201), answer.ToString);
    }

    [Test]
    public void An_async_only_process_makes_a_job_without_prefer()
    {
        var answer = Api.Post("/processes/AsyncEcho/execution", Execute(new JsonObject { ["a"] = "x" }, ByValue("a")));

        Assert.That((answer.StatusCode, answer.Header("Location")), Is.EqualTo((201, $"{RootUrl}/jobs/{answer.Member("jobID")}")), answer.ToString);
    }

    [Test]
    public void An_async_only_process_asked_nothing_applies_no_preference()
    {
        var answer = Api.Post("/processes/AsyncEcho/execution", Execute(new JsonObject { ["a"] = "x" }, ByValue("a")));

        Assert.That(answer.Header("Preference-Applied"), Is.Null, answer.ToString);
    }

    [Test]
    public void A_job_of_a_failing_service_ends_failed()
    {
        var id = StartJob("FailingInvalidParameter", Execute(new JsonObject { ["a"] = "x" }));

        var status = WaitForStatus(id, "successful", "failed", "dismissed");

        Assert.That(status.Member("status"), Is.EqualTo("failed"), status.ToString);
    }

    [Test]
    public void Results_of_a_failed_job_are_its_exception_with_its_status()
    {
        var id = StartJob("FailingInvalidParameter", Execute(new JsonObject { ["a"] = "x" }));
        WaitForStatus(id, "successful", "failed", "dismissed");

        var results = Api.Get($"/jobs/{id}/results");

        Assert.That((results.StatusCode, results.Member("type")), Is.EqualTo((400, "InvalidParameterValue")), results.ToString);
    }

    [Test]
    public void A_sync_only_process_asked_respond_async_answers_at_once()
    {
        var answer = Api.Post("/processes/HelloPy/execution", Execute(new JsonObject { ["a"] = "x" }, ByValue("Result")), prefer: "respond-async");

        Assert.That((answer.StatusCode, answer.MediaType), Is.EqualTo((200, "application/json")), answer.ToString);
    }

    [Test]
    public void A_sync_only_process_asked_respond_async_applies_no_preference()
    {
        var answer = Api.Post("/processes/HelloPy/execution", Execute(new JsonObject { ["a"] = "x" }, ByValue("Result")), prefer: "respond-async");

        Assert.That(answer.Header("Preference-Applied"), Is.Null, answer.ToString);
    }

    [Test]
    public void A_sync_only_process_offers_sync_execute_only()
    {
        var description = Api.Get("/processes/HelloPy");

        Assert.That((description.Object["jobControlOptions"] as JsonArray ?? []).Select(ApiJson.Text), Is.EqualTo(new[] { "sync-execute" }),
            description.ToString);
    }
}
