using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// Asynchronous Execute through a real web server (serve.sh: nginx + fcgiwrap): the HTTP answer comes
/// back long before the job ends, because the detached worker holds none of the web server's pipes,
/// and the job still runs to its end after the request is over. The served copy of dist keeps its
/// main.cfg's serverAddress/tmpUrl (another port): the tests only use the JobID from the answers.
/// </summary>
[TestFixture]
public sealed class AsyncOverHttpTests
{
    private const double Duration = 3;
    private static readonly TimeSpan AnswerBudget = TimeSpan.FromSeconds(1);

    private ServiceDirectory _dist = null!;
    private ServeScript? _server;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _server = ServeScript.Start(_dist.Path);
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _server?.Dispose();
        _http.Dispose();
        new AsyncJobs(_dist).KillAllWorkers();
        _dist.Dispose();
    }

    private (string Body, TimeSpan Elapsed) PostAsyncExecute()
    {
        var clock = Stopwatch.StartNew();
        using var response = _http.PostAsync(_server!.Loader, new StringContent(Xml20(Duration, 6, "async"), Encoding.UTF8, "text/xml")).Result;
        var body = response.Content.ReadAsStringAsync().Result;
        return (body, clock.Elapsed);
    }

    private (string Body, TimeSpan Elapsed) GetAsyncExecute()
    {
        var clock = Stopwatch.StartNew();
        var body = _http.GetStringAsync(new Uri(_server!.Loader + "?" + Kvp10(Duration, 6))).Result;
        return (body, clock.Elapsed);
    }

    private StatusInfo StatusOverHttp(string id)
    {
        var body = _http.GetStringAsync(new Uri(_server!.Loader + "?" + AsyncJobs.GetStatusQuery(id))).Result;
        return StatusInfo.Parse(new CgiResult([], Encoding.UTF8.GetBytes(body), "", 0));
    }

    private static string JobIdOfStatusInfo(string body) => StatusInfo.Parse(new CgiResult([], Encoding.UTF8.GetBytes(body), "", 0)).JobId;

    private static string JobIdOfExecuteResponse(string body) =>
        JobIdOfLocation(XDocument.Parse(body).Root!.Attribute("statusLocation")?.Value ?? throw new AssertionException("no statusLocation:\n" + body));

    [Test]
    public void Over_HTTP_a_2_0_0_async_POST_is_answered_within_1_s_for_a_3_s_job()
    {
        var (body, elapsed) = PostAsyncExecute();

        Assert.That(elapsed, Is.LessThan(AnswerBudget), body);
    }

    [Test]
    public void Over_HTTP_a_2_0_0_async_POST_is_answered_while_the_job_is_not_over()
    {
        var (body, _) = PostAsyncExecute();

        Assert.That(StatusOverHttp(JobIdOfStatusInfo(body)).IsFinal, Is.False);
    }

    [Test]
    public void Over_HTTP_a_2_0_0_async_job_then_succeeds()
    {
        var id = JobIdOfStatusInfo(PostAsyncExecute().Body);

        var final = Poll.Until(() => StatusOverHttp(id), s => s.IsFinal, AsyncJobs.JobDeadline, $"job {id} to end", Poll.Interval);

        Assert.That(final.Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void Over_HTTP_a_1_0_0_async_GET_is_answered_within_1_s_for_a_3_s_job()
    {
        var (body, elapsed) = GetAsyncExecute();

        Assert.That(elapsed, Is.LessThan(AnswerBudget), body);
    }

    [Test]
    public void Over_HTTP_a_1_0_0_async_job_then_succeeds()
    {
        var id = JobIdOfExecuteResponse(GetAsyncExecute().Body);

        var final = Poll.Until(() => StatusOverHttp(id), s => s.IsFinal, AsyncJobs.JobDeadline, $"job {id} to end", Poll.Interval);

        Assert.That(final.Status, Is.EqualTo("Succeeded"));
    }
}
