using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// The job list and its filters (spec/ogcapi.md §3.10; test plan §7.2 item 14) over jobs of every state: three
/// successful OGC API jobs of two processes, a failed one, a running one and a WPS 2.0 job. The jobs are made once.
/// </summary>
[TestFixture]
public sealed class JobListTests : OgcApiFixture
{
    private string _echo1 = null!;
    private string _echo2 = null!;
    private string _asyncEcho = null!;
    private string _failed = null!;
    private string _running = null!;
    private string _wps = null!;
    private DateTime _before;
    private DateTime _after;
    private ApiResponse _all = null!;

    [OneTimeSetUp]
    public void MakeJobsOfEveryState()
    {
        _before = Truncated(DateTime.UtcNow.AddSeconds(-2));
        _echo1 = StartJob("echo", Execute(new JsonObject { ["a"] = "one" }, ByValue("a")));
        _echo2 = StartJob("echo", Execute(new JsonObject { ["a"] = "two" }, ByValue("a")));
        _asyncEcho = StartJob("AsyncEcho", Execute(new JsonObject { ["a"] = "three" }, ByValue("a")));
        _failed = StartJob("FailingInvalidParameter", Execute(new JsonObject { ["a"] = "x" }));
        _running = StartJob("echo", Execute(new JsonObject { ["a"] = "slow", ["pause"] = 60 }, ByValue("a")));
        _wps = Async.AsyncRequests.JobIdOf(CgiProcess.Post(Services.Path, Xml20(0.1, 1, "async")));
        foreach (var id in new[] { _echo1, _echo2, _asyncEcho })
            WaitForStatus(id, "successful");
        WaitForStatus(_failed, "failed");
        WaitForStatus(_running, "running");
        Jobs.WaitUntilFinal(_wps);
        _after = Truncated(DateTime.UtcNow.AddSeconds(2));
        _all = Api.Get("/jobs");
    }

    private static DateTime Truncated(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static string Rfc3339(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IReadOnlyList<JsonObject> JobsOf(ApiResponse list) => (list.Object["jobs"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static IReadOnlyList<string?> IdsOf(ApiResponse list) => JobsOf(list).Select(j => ApiJson.Text(j["jobID"])).ToList();

    private IReadOnlyList<string> Ours => [_echo1, _echo2, _asyncEcho, _failed, _running, _wps];

    [Test]
    public void Job_list_answers_200_with_a_valid_jobList()
    {
        Assert.That(_all.StatusCode, Is.EqualTo(200), _all.ToString);
        JsonSchemaValidator.AssertValid("jobList", _all);
    }

    [Test]
    public void Job_list_names_every_job_of_the_api()
    {
        Assert.That(IdsOf(_all), Is.SupersetOf(new[] { _echo1, _echo2, _asyncEcho, _failed, _running }), _all.ToString);
    }

    [Test]
    public void Job_list_names_a_wps_job_too()
    {
        Assert.That(IdsOf(_all), Does.Contain(_wps), _all.ToString);
    }

    [Test]
    public void A_wps_job_in_the_list_names_its_process()
    {
        var job = JobsOf(_all).FirstOrDefault(j => ApiJson.Text(j["jobID"]) == _wps);

        Assert.That(ApiJson.Text(job?["processID"]), Is.EqualTo("LongProcess"), _all.ToString);
    }

    [Test]
    public void Job_list_is_sorted_newest_first()
    {
        var created = JobsOf(_all).Select(j => DateTime.Parse(ApiJson.Text(j["created"]) ?? "", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal)).ToList();

        Assert.That(created, Is.Ordered.Descending, _all.ToString);
    }

    [Test]
    public void Limit_1_gives_one_job_and_a_next_link_to_another()
    {
        var page = Api.Get("/jobs?limit=1");
        var next = page.LinksOf("next").SingleOrDefault() ?? throw new AssertionException("no next link:\n" + page);
        Assume.That(next, Does.StartWith(RootUrl + "/jobs?"), "the next link is under the root url");

        var following = Api.Get(next[RootUrl.Length..]);

        Assert.That((IdsOf(page).Count, IdsOf(following).Count, IdsOf(following).Intersect(IdsOf(page)).Count()), Is.EqualTo((1, 1, 0)),
            page + "\n---\n" + following);
    }

    [Test]
    public void ProcessID_keeps_only_the_jobs_of_that_process()
    {
        var list = Api.Get("/jobs?processID=AsyncEcho");

        Assert.That((IdsOf(list), JobsOf(list).Select(j => ApiJson.Text(j["processID"])).Distinct()),
            Is.EqualTo((new[] { _asyncEcho }, new[] { "AsyncEcho" })), list.ToString);
    }

    [Test]
    public void ProcessID_takes_a_comma_list()
    {
        var ids = IdsOf(Api.Get("/jobs?processID=AsyncEcho,FailingInvalidParameter"));

        Assert.That(ids, Is.EquivalentTo(new[] { _asyncEcho, _failed }));
    }

    [TestCase("successful")]
    [TestCase("failed")]
    [TestCase("running")]
    public void Status_keeps_only_the_jobs_in_that_state(string status)
    {
        var list = Api.Get("/jobs?status=" + status);

        Assert.That(JobsOf(list).Select(j => ApiJson.Text(j["status"])), Is.Not.Empty.And.All.EqualTo(status), list.ToString);
    }

    [Test]
    public void Status_successful_names_every_successful_job()
    {
        Assert.That(IdsOf(Api.Get("/jobs?status=successful")), Is.EquivalentTo(new[] { _echo1, _echo2, _asyncEcho, _wps }));
    }

    [Test]
    public void Status_running_names_the_running_job()
    {
        Assert.That(IdsOf(Api.Get("/jobs?status=running")), Is.EqualTo(new[] { _running }));
    }

    [Test]
    public void Status_failed_names_the_failed_job()
    {
        Assert.That(IdsOf(Api.Get("/jobs?status=failed")), Is.EqualTo(new[] { _failed }));
    }

    [Test]
    public void Datetime_interval_around_the_jobs_keeps_them_all()
    {
        var ids = IdsOf(Api.Get($"/jobs?datetime={Rfc3339(_before)}/{Rfc3339(_after)}"));

        Assert.That(ids, Is.EquivalentTo(Ours));
    }

    [Test]
    public void Datetime_open_interval_after_the_jobs_keeps_none()
    {
        var list = Api.Get($"/jobs?datetime={Rfc3339(_after)}/..");

        Assert.That((list.StatusCode, IdsOf(list).Count), Is.EqualTo((200, 0)), list.ToString);
    }

    [Test]
    public void Datetime_open_interval_before_the_jobs_keeps_none()
    {
        var list = Api.Get($"/jobs?datetime=../{Rfc3339(_before)}");

        Assert.That((list.StatusCode, IdsOf(list).Count), Is.EqualTo((200, 0)), list.ToString);
    }

    [Test]
    public void MaxDuration_of_an_hour_keeps_the_finished_jobs()
    {
        Assert.That(IdsOf(Api.Get("/jobs?maxDuration=3600")), Is.SupersetOf(new[] { _echo1, _echo2, _asyncEcho, _failed, _wps }));
    }

    [Test]
    public void MinDuration_of_an_hour_keeps_none()
    {
        var list = Api.Get("/jobs?minDuration=3600");

        Assert.That((list.StatusCode, IdsOf(list).Count), Is.EqualTo((200, 0)), list.ToString);
    }

    [TestCase("limit=abc")]
    [TestCase("limit=0")]
    [TestCase("status=bogus")]
    [TestCase("datetime=not-a-date")]
    [TestCase("minDuration=abc")]
    public void An_invalid_query_parameter_is_a_400_invalid_query_parameter_value(string query)
    {
        var answer = Api.Get("/jobs?" + query);

        Assert.That((answer.StatusCode, answer.Member("type")),
            Is.EqualTo((400, "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/invalid-query-parameter-value")), answer.ToString);
    }
}
