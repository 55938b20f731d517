using System.Net;
using System.Xml.Linq;
using Zoo.Integration.Tests.Async;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.WebServers;

/// <summary>
/// An asynchronous job through each web server serve.sh deploys, followed as a client follows it (GetStatus until it
/// ends, then GetResult), and tmpUrl, which the web server itself serves from tmpPath: the outputs yes, the kernel's
/// own files of the job (its state, its environment) never.
/// </summary>
[TestFixture("nginx")]
[TestFixture("apache")]
public sealed class AsyncAndTmpUrlOverWebServerTests(string server)
{
    private const double Duration = 1;
    private const int Steps = 2;
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    private ServedCopy _served = null!;
    private Lazy<(string JobId, string FinalStatus)> _job = null!;

    [OneTimeSetUp]
    public void Serve()
    {
        _served = ServedCopy.Start(server);
        _job = new Lazy<(string, string)>(RunJob);
    }

    [OneTimeTearDown]
    public void Stop() => _served?.Dispose();

    [Test]
    public void An_asynchronous_Execute_is_polled_to_Succeeded()
    {
        Assert.That(_job.Value.FinalStatus, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void The_result_of_an_asynchronous_job_is_its_output()
    {
        var answer = _served.Kvp(AsyncJobs.GetResultQuery(_job.Value.JobId));

        Assert.That(answer.Text, Does.Contain(AsyncRequests.ExpectedResult(Duration, Steps)), answer.ToString());
    }

    [Test]
    public void TmpUrl_serves_an_output_given_as_a_reference()
    {
        const string features = """{"type":"FeatureCollection","features":[]}""";
        var execute = _served.Kvp(Kvp("CopyVector", "InputVector=" + Q(features) + "@mimeType=application/json",
            "&ResponseDocument=Result@asReference=true@mimeType=application/json"));
        var href = XDocument.Parse(execute.Text).Descendants(Wps10 + "Reference").Select(r => r.Attribute("href")?.Value).FirstOrDefault()
                   ?? throw new AssertionException("no wps:Reference:\n" + execute.Text);
        Assert.That(href, Does.StartWith(_served.TmpUrl), "the reference is not under tmpUrl");

        var output = _served.Get(href);

        Assert.That((output.Status, output.Text), Is.EqualTo((HttpStatusCode.OK, features)));
    }

    [TestCase("{0}.sid")]
    [TestCase("{0}_lenv.cfg")]
    public void TmpUrl_does_not_serve_the_kernel_s_own_files_of_a_job(string pattern)
    {
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _job.Value.JobId);
        Assert.That(File.Exists(Path.Combine(_served.Dist.TmpPath, name)), Is.True, $"the job wrote no {name}: nothing to refuse");

        var answer = _served.Get(_served.TmpUrl + name);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound), answer.ToString());
    }

    /// <summary>A 2.0.0 asynchronous Execute POSTed, then GetStatus over HTTP until the job ends.</summary>
    private (string, string) RunJob()
    {
        var accepted = _served.PostXml(AsyncRequests.Xml20(Duration, Steps, "async"));
        var id = StatusInfo.Parse(accepted.AsCgiResult()).JobId;
        var final = Poll.Until(() => StatusInfo.Parse(_served.Kvp(AsyncJobs.GetStatusQuery(id)).AsCgiResult()), s => s.IsFinal,
            AsyncJobs.JobDeadline, $"job {id} to end", TimeSpan.FromMilliseconds(100));
        return (id, final.Status);
    }
}
