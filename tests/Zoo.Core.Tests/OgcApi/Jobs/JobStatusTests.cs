using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.Tests.OgcApi.Definition;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Jobs;

public class JobStatusTests
{
    private const string Id = "0b8f7c5a-1d2e-11ef-9a3b-0242ac120002";
    private const string Href = JobApi.RootUrl + "/jobs/" + Id;

    private TempDirectory _tmp = null!;
    private JobFileWriter _files = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDirectory();
        _files = new JobFileWriter(_tmp.Path);
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private JsonObject Status(string oas = "") => JobStatus.Document(JobApi.Context(_tmp.Path, "/jobs/" + Id, oas), Id);

    [Test]
    public void A_successful_job_reports_its_times_progress_100_and_the_results_link()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: true,
            identifier: "BandMath", asked: "hpc.BandMath");

        ApiFixtures.AssertJsonEqual(Status(), $$"""
            {"progress":100,"id":"{{Id}}","jobID":"{{Id}}","type":"process","processID":"hpc.BandMath",
             "created":"2025-05-02T09:12:01Z","started":"2025-05-02T09:12:01Z",
             "finished":"2025-05-02T09:12:12Z","updated":"2025-05-02T09:12:12Z",
             "status":"successful","message":"ZOO-Kernel successfully run your service!",
             "links":[{"title":"Status location","rel":"self","type":"application/json","href":"{{Href}}"},
                      {"title":"Status location","rel":"monitor","type":"application/json","href":"{{Href}}"},
                      {"title":"Result location","rel":"http://www.opengis.net/def/rel/ogc/1.0/results","type":"application/json","href":"{{Href}}/results"}]}
            """);
    }

    [Test]
    public void A_failed_job_reports_the_message_of_its_end_and_no_results_link()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:13:00Z"), succeeded: false,
            message: "Unable to run the Python script");

        ApiFixtures.AssertJsonEqual(Status(), $$"""
            {"id":"{{Id}}","jobID":"{{Id}}","type":"process","processID":"HelloPy",
             "created":"2025-05-02T09:12:01Z","started":"2025-05-02T09:12:01Z",
             "finished":"2025-05-02T09:13:00Z","updated":"2025-05-02T09:13:00Z",
             "status":"failed","message":"Unable to run the Python script",
             "links":[{"title":"Status location","rel":"self","type":"application/json","href":"{{Href}}"},
                      {"title":"Status location","rel":"monitor","type":"application/json","href":"{{Href}}"}]}
            """);
    }

    [Test]
    public void A_running_job_reports_the_progress_and_message_its_service_wrote_last()
    {
        _files.Running(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:02Z"),
            progress: "40|Computing the band", progressWritten: JobFileWriter.Utc("2025-05-02T09:12:30Z"));

        ApiFixtures.AssertJsonEqual(Status(), $$"""
            {"progress":40,"id":"{{Id}}","jobID":"{{Id}}","type":"process","processID":"HelloPy",
             "created":"2025-05-02T09:12:01Z","started":"2025-05-02T09:12:01Z","updated":"2025-05-02T09:12:30Z",
             "status":"running","message":"Computing the band",
             "links":[{"title":"Status location","rel":"self","type":"application/json","href":"{{Href}}"},
                      {"title":"Status location","rel":"monitor","type":"application/json","href":"{{Href}}"}]}
            """);
    }

    [Test]
    public void A_running_job_without_progress_says_no_message_was_provided_and_was_updated_when_its_worker_started()
    {
        _files.Running(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:02Z"));

        var status = Status();

        Assert.That((status["progress"]!.GetValue<int>(), status["message"]!.GetValue<string>(), status["updated"]!.GetValue<string>()),
            Is.EqualTo((0, "No message provided", "2025-05-02T09:12:02Z")));
    }

    [Test]
    public void A_job_waiting_for_its_worker_is_accepted_and_not_yet_started()
    {
        var created = DateTime.UtcNow.AddSeconds(-5);
        _files.Sid(Id, created);
        _files.Lenv(Id, "HelloPy", null);
        var createdText = created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        ApiFixtures.AssertJsonEqual(Status(), $$"""
            {"progress":0,"id":"{{Id}}","jobID":"{{Id}}","type":"process","processID":"HelloPy","created":"{{createdText}}",
             "status":"accepted","message":"ZOO-Kernel accepted to run your service!",
             "links":[{"title":"Status location","rel":"self","type":"application/json","href":"{{Href}}"},
                      {"title":"Status location","rel":"monitor","type":"application/json","href":"{{Href}}"}]}
            """);
    }

    [Test]
    public void A_job_whose_worker_died_is_reported_and_recorded_as_failed()
    {
        _files.Orphaned(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"));

        var status = Status();

        Assert.That(status["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(status["message"]!.GetValue<string>(), Does.StartWith("The job stopped unexpectedly"));
        Assert.That(File.Exists(Path.Combine(_tmp.Path, Id + ".res")), Is.True);
    }

    [Test]
    public void The_process_id_is_the_service_name_when_the_job_did_not_record_the_id_asked()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: true, identifier: "Buffer");

        Assert.That(Status()["processID"]!.GetValue<string>(), Is.EqualTo("Buffer"));
    }

    [Test]
    public void A_job_without_its_lenv_has_no_process_id()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: true);
        File.Delete(Path.Combine(_tmp.Path, Id + "_lenv.cfg"));

        Assert.That(Status().ContainsKey("processID"), Is.False);
    }

    [Test]
    public void Times_are_shown_to_the_second()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01.900Z"), JobFileWriter.Utc("2025-05-02T09:12:12.300Z"), succeeded: true);

        var status = Status();

        Assert.That((status["created"]!.GetValue<string>(), status["finished"]!.GetValue<string>()),
            Is.EqualTo(("2025-05-02T09:12:01Z", "2025-05-02T09:12:12Z")));
    }

    [Test]
    public void The_results_link_takes_its_rel_from_oas_cfg()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: true);

        var links = Status("[/jobs/{jobID}/results]\nrel=results\n")["links"]!.AsArray();

        Assert.That(links[2]!["rel"]!.GetValue<string>(), Is.EqualTo("results"));
    }

    [Test]
    public void An_unknown_job_is_no_such_job()
    {
        var error = Assert.Throws<ApiException>(() => Status());

        Assert.That((error.Code, error.Status), Is.EqualTo(("NoSuchJob", 404)));
    }

    [TestCase("0B8F7C5A-1D2E-11EF-9A3B-0242AC120002")]
    [TestCase("../0b8f7c5a-1d2e-11ef-9a3b-0242ac120002")]
    [TestCase("invalid-job-0b8f7c5a-1d2e-11ef-9a3b-0242ac120002")]
    public void An_id_that_is_not_a_job_id_is_no_such_job_even_when_a_file_has_that_name(string id)
    {
        _files.Sid(id.Replace("../", ""), JobFileWriter.Utc("2025-05-02T09:12:01Z"));

        var error = Assert.Throws<ApiException>(() => JobStatus.Document(JobApi.Context(_tmp.Path, "/jobs"), id));

        Assert.That((error.Code, error.Status), Is.EqualTo(("NoSuchJob", 404)));
    }

    [Test]
    public void The_answer_is_200_with_the_status_as_json()
    {
        _files.Ended(Id, JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: true);

        var response = JobStatus.Answer(JobApi.Context(_tmp.Path, "/jobs/" + Id), Id);

        Assert.That(response.Headers, Does.Contain(KeyValuePair.Create("Status", "200 OK")));
        Assert.That(response.Headers, Does.Contain(KeyValuePair.Create("Content-Type", "application/json; charset=utf-8")));
        Assert.That(JsonNode.Parse(Encoding.UTF8.GetString(response.Body))!["jobID"]!.GetValue<string>(), Is.EqualTo(Id));
    }

    [Test]
    public void Every_status_is_a_valid_status_info()
    {
        string[] ids = ["10000000-0000-4000-8000-000000000001", "10000000-0000-4000-8000-000000000002",
            "10000000-0000-4000-8000-000000000003", "10000000-0000-4000-8000-000000000004"];
        _files.Ended(ids[0], JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: true);
        _files.Ended(ids[1], JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:12Z"), succeeded: false, message: "broken");
        _files.Running(ids[2], JobFileWriter.Utc("2025-05-02T09:12:01Z"), JobFileWriter.Utc("2025-05-02T09:12:02Z"), progress: "10|half");
        _files.Sid(ids[3], DateTime.UtcNow);

        JobApi.AssertValid("statusInfo", ids.Select(id => (JsonNode)JobStatus.Document(JobApi.Context(_tmp.Path, "/jobs/" + id), id)).ToArray());
    }
}
