using System.Text;
using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// hpc.BandMath through the OGC API, on the real test cluster: executed (asynchronously, the only way an HPC process
/// runs), followed through <c>/jobs/{id}</c>, its results read back; and FinalizeHPC1 reached as ZOO's HPC tooling
/// reaches it, <c>POST /ogc-api/processes/FinalizeHPC1/execution</c>.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcOgcApiClusterTests
{
    private const string Expression = "im1b1*3";

    private BandMathJobs _jobs = null!;

    [SetUp]
    public void CopyDist() => _jobs = new BandMathJobs(ClusterEnvironment.Require());

    [TearDown]
    public void RemoveCopy() => _jobs.Dispose();

    private CgiResult Api(string method, string path, string? json = null, IDictionary<string, string>? headers = null) =>
        CgiProcess.Run(_jobs.Services.Path, method, path, json is null ? [] : Encoding.UTF8.GetBytes(json),
            json is null ? null : "application/json", headers);

    private string Execute(IDictionary<string, string>? headers = null)
    {
        var body = $$$"""
            {"inputs":{"il":{"href":"{{{_jobs.InputUrl}}}","type":"image/tiff"},"exp":"{{{Expression}}}"},
             "outputs":{"out":{"transmissionMode":"reference"}},"response":"document"}
            """;
        var accepted = Api("POST", "/processes/hpc.BandMath/execution", body, headers);
        Assert.That(accepted.Status, Does.StartWith("201"), accepted.Text);
        return accepted.Header("Location")![(accepted.Header("Location")!.LastIndexOf('/') + 1)..];
    }

    private JsonObject WaitUntilEnded(string jobId) =>
        Poll.Until(() => (JsonObject)JsonNode.Parse(Api("GET", $"/jobs/{jobId}").Text)!,
            status => status["status"]?.GetValue<string>() is "successful" or "failed", BandMathJobs.SlurmDeadline,
            $"job {jobId} to end", TimeSpan.FromMilliseconds(200));

    [Test]
    public void An_hpc_process_runs_as_a_job_without_prefer_and_its_results_are_read_back()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");

        var jobId = Execute();
        var ended = WaitUntilEnded(jobId);
        var results = (JsonObject)JsonNode.Parse(Api("GET", $"/jobs/{jobId}/results").Text)!;

        Assert.That(ended["status"]?.GetValue<string>(), Is.EqualTo("successful"), ended.ToJsonString());
        Assert.That(results["out.download_link"]?["href"]?.GetValue<string>(), Does.EndWith(".tiff"), results.ToJsonString());
        Assert.That(BandMath.Checksum(_jobs.ResultFile(jobId)), Is.EqualTo(BandMath.Checksum(_jobs.RunLocally(Expression))));
    }

    [Test]
    public void The_footer_posting_to_finalize_hpc1_through_the_ogc_api_ends_the_job()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
        using var server = ServeScript.Start(_jobs.Services.Path);
        _jobs.Services.Write("footer.sh",
            $"curl -sS --max-time 30 -o /dev/null -H 'Content-Type: application/json' -d '{{\"inputs\":{{\"JobId\":\"%s\"}},\"outputs\":{{\"Result\":{{\"transmissionMode\":\"value\"}}}}}}' 'http://127.0.0.1:{server.Port}/ogc-api/processes/FinalizeHPC1/execution'\n");
        _jobs.Configure("jobscript_footer", "footer.sh");

        var jobId = Execute(new Dictionary<string, string> { ["HTTP_PREFER"] = "respond-async" });

        Assert.That(WaitUntilEnded(jobId)["status"]?.GetValue<string>(), Is.EqualTo("successful"));
    }

    [Test]
    public void Finalize_hpc1_of_an_unknown_job_answers_an_error_status_so_that_a_poller_tries_again()
    {
        var answer = Api("POST", "/processes/FinalizeHPC1/execution", """{"inputs":{"JobId":"00000000-0000-7000-8000-000000000000"}}""");

        Assert.That(answer.Status, Does.Not.StartWith("200"), answer.Text);
    }
}
