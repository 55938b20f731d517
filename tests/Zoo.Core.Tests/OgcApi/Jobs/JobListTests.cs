using System.Text.Json.Nodes;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.Tests.OgcApi.Definition;
using Zoo.Core.Tests.OgcApi.Processes;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Jobs;

public class JobListTests
{
    // Four jobs, as both APIs leave them: the list shows them newest first, then by id.
    private const string Old = "10000000-0000-4000-8000-000000000001";       // HelloPy, succeeded, 09:00:00 for 10 s
    private const string Failed = "10000000-0000-4000-8000-000000000002";    // hpc.BandMath, failed, 09:05:00 for 100 s
    private const string Running = "10000000-0000-4000-8000-000000000003";   // HelloPy, running since 09:10:00
    private const string Buffer = "10000000-0000-4000-8000-000000000004";    // Buffer, succeeded, 09:05:00 for 30 s

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

    private void WriteFourJobs()
    {
        _files.Ended(Old, JobFileWriter.Utc("2025-05-02T09:00:00Z"), JobFileWriter.Utc("2025-05-02T09:00:10Z"), succeeded: true);
        _files.Ended(Failed, JobFileWriter.Utc("2025-05-02T09:05:00Z"), JobFileWriter.Utc("2025-05-02T09:06:40Z"), succeeded: false,
            identifier: "BandMath", asked: "hpc.BandMath", message: "sbatch refused the job");
        _files.Running(Running, JobFileWriter.Utc("2025-05-02T09:10:00Z"), JobFileWriter.Utc("2025-05-02T09:10:01Z"));
        _files.Ended(Buffer, JobFileWriter.Utc("2025-05-02T09:05:00Z"), JobFileWriter.Utc("2025-05-02T09:05:30Z"), succeeded: true,
            identifier: "Buffer");
    }

    private JsonNode List(string pathAndQuery, string oas = "") =>
        ApiContexts.Body(JobList.Answer(JobApi.Context(_tmp.Path, pathAndQuery, oas)));

    private static string[] Ids(JsonNode list) =>
        list["jobs"]!.AsArray().Select(job => job!["jobID"]!.GetValue<string>()).ToArray();

    private static string?[] Hrefs(JsonNode list, string rel) =>
        list["links"]!.AsArray().Where(link => link!["rel"]!.GetValue<string>() == rel).Select(link => link!["href"]!.GetValue<string>()).ToArray();

    [Test]
    public void A_page_holds_the_status_of_each_job_a_self_link_a_next_link_and_the_number_that_matched()
    {
        _files.Ended(Old, JobFileWriter.Utc("2025-05-02T09:00:00Z"), JobFileWriter.Utc("2025-05-02T09:00:10Z"), succeeded: true);
        _files.Ended(Buffer, JobFileWriter.Utc("2025-05-02T09:05:00Z"), JobFileWriter.Utc("2025-05-02T09:05:30Z"), succeeded: false,
            identifier: "Buffer", message: "no geometry");
        const string Jobs = JobApi.RootUrl + "/jobs";

        ApiFixtures.AssertJsonEqual(List("/jobs?limit=1"), $$"""
            {"jobs":[{"id":"{{Buffer}}","jobID":"{{Buffer}}","type":"process","processID":"Buffer",
                      "created":"2025-05-02T09:05:00Z","started":"2025-05-02T09:05:00Z",
                      "finished":"2025-05-02T09:05:30Z","updated":"2025-05-02T09:05:30Z",
                      "status":"failed","message":"no geometry",
                      "links":[{"title":"Status location","rel":"self","type":"application/json","href":"{{Jobs}}/{{Buffer}}"},
                               {"title":"Status location","rel":"monitor","type":"application/json","href":"{{Jobs}}/{{Buffer}}"}]}],
             "links":[{"title":"The job list","rel":"self","type":"application/json","href":"{{Jobs}}?limit=1"},
                      {"title":"The next page","rel":"next","type":"application/json","href":"{{Jobs}}?limit=1&skip=1"}],
             "numberTotal":2}
            """);
    }

    [Test]
    public void Jobs_are_listed_newest_first_then_by_id()
    {
        WriteFourJobs();

        Assert.That(Ids(List("/jobs")), Is.EqualTo(new[] { Running, Failed, Buffer, Old }));
    }

    [TestCase("processID=HelloPy", new[] { Running, Old })]
    [TestCase("processID=hpc.BandMath,Buffer", new[] { Failed, Buffer })]
    [TestCase("processID=BandMath", new string[0])]
    [TestCase("status=successful", new[] { Buffer, Old })]
    [TestCase("status=running,failed", new[] { Running, Failed })]
    [TestCase("status=accepted", new string[0])]
    [TestCase("status=dismissed", new string[0])]
    [TestCase("type=process", new[] { Running, Failed, Buffer, Old })]
    [TestCase("type=openeo", new string[0])]
    [TestCase("datetime=2025-05-02T09:05:00Z", new[] { Failed, Buffer })]
    [TestCase("datetime=2025-05-02T11:05:00%2B02:00", new[] { Failed, Buffer })]
    [TestCase("datetime=2025-05-02T09:01:00Z/2025-05-02T09:09:59Z", new[] { Failed, Buffer })]
    [TestCase("datetime=../2025-05-02T09:05:00Z", new[] { Failed, Buffer, Old })]
    [TestCase("datetime=2025-05-02T09:05:00Z/..", new[] { Running, Failed, Buffer })]
    [TestCase("datetime=/2025-05-02T09:00:00Z", new[] { Old })]
    [TestCase("minDuration=30", new[] { Running, Failed, Buffer })]
    [TestCase("maxDuration=30", new[] { Buffer, Old })]
    [TestCase("minDuration=20&maxDuration=200", new[] { Failed, Buffer })]
    [TestCase("status=successful&processID=HelloPy", new[] { Old })]
    [TestCase("processID=", new[] { Running, Failed, Buffer, Old })]
    public void A_filter_keeps_the_jobs_it_matches(string query, string[] expected)
    {
        WriteFourJobs();

        var list = List("/jobs?" + query);

        Assert.That(Ids(list), Is.EqualTo(expected));
        Assert.That(list["numberTotal"]!.GetValue<int>(), Is.EqualTo(expected.Length));
    }

    [Test]
    public void The_first_page_links_to_the_next_only()
    {
        WriteFourJobs();

        var list = List("/jobs?limit=2");

        Assert.That(Ids(list), Is.EqualTo(new[] { Running, Failed }));
        Assert.That((Hrefs(list, "prev"), Hrefs(list, "next")),
            Is.EqualTo((new string[0], new[] { JobApi.RootUrl + "/jobs?limit=2&skip=2" })));
    }

    [Test]
    public void A_middle_page_links_to_both_neighbours()
    {
        WriteFourJobs();

        var list = List("/jobs?limit=2&skip=1");

        Assert.That(Ids(list), Is.EqualTo(new[] { Failed, Buffer }));
        Assert.That((Hrefs(list, "prev"), Hrefs(list, "next")),
            Is.EqualTo((new[] { JobApi.RootUrl + "/jobs?limit=2&skip=0" }, new[] { JobApi.RootUrl + "/jobs?limit=2&skip=3" })));
    }

    [Test]
    public void The_last_page_has_no_next_link_and_still_counts_every_match()
    {
        WriteFourJobs();

        var list = List("/jobs?limit=2&skip=2");

        Assert.That(Ids(list), Is.EqualTo(new[] { Buffer, Old }));
        Assert.That(Hrefs(list, "next"), Is.Empty);
        Assert.That(list["numberTotal"]!.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public void The_paging_links_keep_the_filters()
    {
        WriteFourJobs();

        var list = List("/jobs?status=successful,failed&datetime=2025-05-02T09:00:00Z/..&limit=1&skip=1");

        Assert.That((Hrefs(list, "self"), Hrefs(list, "prev"), Hrefs(list, "next")), Is.EqualTo((
            new[] { JobApi.RootUrl + "/jobs?status=successful,failed&datetime=2025-05-02T09:00:00Z/..&limit=1&skip=1" },
            new[] { JobApi.RootUrl + "/jobs?status=successful,failed&datetime=2025-05-02T09:00:00Z/..&limit=1&skip=0" },
            new[] { JobApi.RootUrl + "/jobs?status=successful,failed&datetime=2025-05-02T09:00:00Z/..&limit=1&skip=2" })));
    }

    [Test]
    public void The_page_size_defaults_to_the_limit_of_oas_cfg()
    {
        WriteFourJobs();

        var list = List("/jobs", "[limitParam]\nschema_default=3\n");

        Assert.That(Ids(list), Has.Length.EqualTo(3));
    }

    [TestCase("limit=0")]
    [TestCase("limit=abc")]
    [TestCase("limit=10001")]
    [TestCase("limit=-1")]
    [TestCase("skip=-1")]
    [TestCase("skip=1.5")]
    [TestCase("status=done")]
    [TestCase("status=successful,Running")]
    [TestCase("datetime=yesterday")]
    [TestCase("datetime=2025-05-02")]
    [TestCase("datetime=2025-05-02T10:00:00Z/2025-05-02T09:00:00Z")]
    [TestCase("datetime=../..")]
    [TestCase("datetime=2025-05-02T09:00:00Z/2025-05-02T10:00:00Z/..")]
    [TestCase("minDuration=-5")]
    [TestCase("maxDuration=1.5")]
    public void An_invalid_parameter_is_an_invalid_query_parameter_value(string query)
    {
        var error = Assert.Throws<ApiException>(() => List("/jobs?" + query));

        Assert.That((error.Code, error.Status), Is.EqualTo(("InvalidQueryParameterValue", 400)));
    }

    [Test]
    public void Files_that_only_look_like_jobs_are_not_listed()
    {
        _files.Ended(Old, JobFileWriter.Utc("2025-05-02T09:00:00Z"), JobFileWriter.Utc("2025-05-02T09:00:10Z"), succeeded: true);
        _files.Sid("10000000-0000-4000-8000-00000000000A", JobFileWriter.Utc("2025-05-02T09:00:00Z"));
        _files.Sid("session", JobFileWriter.Utc("2025-05-02T09:00:00Z"));
        _tmp.CreateDirectory("10000000-0000-4000-8000-000000000009.sid");

        Assert.That(Ids(List("/jobs")), Is.EqualTo(new[] { Old }));
    }

    [Test]
    public void A_tmpPath_that_does_not_exist_lists_no_job()
    {
        var list = ApiContexts.Body(JobList.Answer(JobApi.Context(Path.Combine(_tmp.Path, "missing"))));

        Assert.That((Ids(list), list["numberTotal"]!.GetValue<int>()), Is.EqualTo((new string[0], 0)));
    }

    [Test]
    public void The_list_is_a_valid_job_list()
    {
        WriteFourJobs();

        JobApi.AssertValid("jobList", List("/jobs?limit=2&skip=1"));
    }
}
