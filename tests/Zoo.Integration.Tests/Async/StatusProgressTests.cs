using System.Text.RegularExpressions;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// A LongProcess job of 3 s in 6 steps, watched from its Execute answer to its end through each of the
/// client's ways to ask: 2.0.0 GetStatus by KVP, 2.0.0 GetStatus as an XML POST, and the 1.0.0
/// statusLocation (a request to the GetStatus service of this same zoo_loader.cgi). The three jobs run
/// side by side; every answer is recorded once, and each test reads the recording.
/// </summary>
[TestFixture]
public sealed partial class StatusProgressTests : AsyncFixture
{
    private const double Duration = 3;
    private const int Steps = 6;

    private List<CgiResult> _kvp = null!;
    private List<CgiResult> _post = null!;
    private List<CgiResult> _location = null!;

    [OneTimeSetUp]
    public void WatchThreeJobs()
    {
        var kvp = Task.Run(() => Watch(Post(Xml20(Duration, Steps, "async")), id => Jobs.GetStatus(id)));
        var post = Task.Run(() => Watch(Post(Xml20(Duration, Steps, "async")), id => Jobs.GetStatusByPost(id)));
        var location = Task.Run(WatchStatusLocation);
        _kvp = kvp.Result;
        _post = post.Result;
        _location = location.Result;
    }

    /// <summary>The Execute answer, then every GetStatus answer until the job is final.</summary>
    private static List<CgiResult> Watch(CgiResult accepted, Func<string, CgiResult> getStatus)
    {
        var answers = new List<CgiResult> { accepted };
        var id = JobIdOf(accepted);
        Poll.Until(() =>
        {
            var answer = getStatus(id);
            answers.Add(answer);
            return StatusInfo.Parse(answer);
        }, s => s.IsFinal, AsyncJobs.JobDeadline, $"job {id} to end");
        return answers;
    }

    private List<CgiResult> WatchStatusLocation()
    {
        var accepted = Get(Kvp10(Duration, Steps));
        var answers = new List<CgiResult> { accepted };
        var location = StatusLocationOf(accepted);
        Poll.Until(() =>
        {
            var answer = Jobs.Fetch(location);
            answers.Add(answer);
            return Status10(answer).Status;
        }, s => s is "ProcessSucceeded" or "ProcessFailed", AsyncJobs.JobDeadline, $"{location} to be final");
        return answers;
    }

    /// <summary>The statuses seen, each repetition collapsed: the path the job took.</summary>
    private static List<string> Path(IEnumerable<string> statuses)
    {
        var path = new List<string>();
        foreach (var status in statuses)
        {
            if (path.Count == 0 || path[^1] != status)
                path.Add(status);
        }
        return path;
    }

    private static List<StatusInfo> Infos(List<CgiResult> answers) => answers.Select(StatusInfo.Parse).ToList();

    [GeneratedRegex(@"^Step [2-6] of 6$")]
    private static partial Regex LaterStep();

    [Test]
    public void GetStatus_by_KVP_sees_Accepted_then_Running_then_Succeeded()
    {
        Assert.That(Path(Infos(_kvp).Select(s => s.Status)), Is.EqualTo(new[] { "Accepted", "Running", "Succeeded" }));
    }

    [Test]
    public void GetStatus_by_KVP_reports_progress_above_0_with_the_service_message_while_running()
    {
        Assert.That(Infos(_kvp).Where(s => s.Status == "Running" && s.Percent > 0 && LaterStep().IsMatch(s.Message ?? "")),
            Is.Not.Empty, () => string.Join("\n", Infos(_kvp)));
    }

    [Test]
    public void GetStatus_by_KVP_answers_are_schema_valid_while_running_and_at_the_end()
    {
        SchemaValidator.AssertValid(_kvp.First(a => StatusInfo.Parse(a).Status == "Running"));
        SchemaValidator.AssertValid(_kvp[^1]);
    }

    [Test]
    public void GetStatus_by_XML_POST_sees_Accepted_then_Running_then_Succeeded()
    {
        Assert.That(Path(Infos(_post).Select(s => s.Status)), Is.EqualTo(new[] { "Accepted", "Running", "Succeeded" }));
    }

    [Test]
    public void GetStatus_by_XML_POST_reports_progress_above_0_with_the_service_message_while_running()
    {
        Assert.That(Infos(_post).Where(s => s.Status == "Running" && s.Percent > 0 && LaterStep().IsMatch(s.Message ?? "")),
            Is.Not.Empty, () => string.Join("\n", Infos(_post)));
    }

    [Test]
    public void The_1_0_0_statusLocation_sees_ProcessAccepted_then_ProcessStarted_then_ProcessSucceeded()
    {
        Assert.That(Path(_location.Select(a => Status10(a).Status)),
            Is.EqualTo(new[] { "ProcessAccepted", "ProcessStarted", "ProcessSucceeded" }));
    }

    [Test]
    public void The_1_0_0_statusLocation_shows_percentCompleted_above_0_with_the_service_message_while_running()
    {
        var started = _location.Select(Status10).Where(s => s.Status == "ProcessStarted").ToList();

        Assert.That(started.Where(s => s.Percent > 0 && LaterStep().IsMatch(s.Text)), Is.Not.Empty,
            () => string.Join("\n", started));
    }

    [Test]
    public void The_1_0_0_statusLocation_ends_with_the_ExecuteResponse_and_its_output()
    {
        var output = Root(_location[^1]).Descendants(Wps10 + "LiteralData").Select(d => d.Value);

        Assert.That(output, Is.EqualTo(new[] { ExpectedResult(Duration, Steps) }), _location[^1].Text);
    }

    [Test]
    public void The_1_0_0_statusLocation_documents_are_schema_valid_while_running_and_at_the_end()
    {
        SchemaValidator.AssertValid(_location.First(a => Status10(a).Status == "ProcessStarted"));
        SchemaValidator.AssertValid(_location[^1]);
    }
}
