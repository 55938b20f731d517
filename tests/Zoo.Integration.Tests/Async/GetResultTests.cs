using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>GetResult of an asynchronous job: the outputs a synchronous run gives once it has ended, ResultNotReady before.</summary>
[TestFixture]
public sealed class GetResultTests : AsyncFixture
{
    private const double ShortDuration = 0.5;
    private const int Steps = 2;

    /// <summary>A Result document without what differs between two runs of the same request (job ids, expiration).</summary>
    private static string Comparable(CgiResult result)
    {
        var document = XDocument.Parse(result.Text);
        document.Descendants().Where(e => e.Name == Wps20 + "JobID" || e.Name == Wps20 + "ExpirationDate").Remove();
        return document.ToString();
    }

    private string FinishedJob()
    {
        var id = JobIdOf(Post(Xml20(ShortDuration, Steps, "async")));
        Jobs.WaitUntilFinal(id);
        return id;
    }

    [Test]
    public void GetResult_of_a_finished_job_gives_the_outputs_of_a_synchronous_run()
    {
        var synchronous = Post(Xml20(ShortDuration, Steps, "sync"));

        var result = Jobs.GetResult(FinishedJob());

        Assert.That(Comparable(result), Is.EqualTo(Comparable(synchronous)));
    }

    [Test]
    public void GetResult_of_a_finished_job_is_schema_valid()
    {
        SchemaValidator.AssertValid(Jobs.GetResult(FinishedJob()));
    }

    [Test]
    public void GetResult_while_the_job_runs_is_ResultNotReady()
    {
        var id = JobIdOf(Post(Xml20(10, 5, "async")));
        Jobs.WaitUntilProgressing(id);

        var result = Jobs.GetResult(id);

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Locator(result) }, Is.EqualTo(new[] { "ResultNotReady", id }), result.Text);
    }

    [Test]
    public void GetResult_while_the_job_runs_answers_404()
    {
        var id = JobIdOf(Post(Xml20(10, 5, "async")));
        Jobs.WaitUntilProgressing(id);

        var result = Jobs.GetResult(id);

        Assert.That(result.Status, Does.StartWith("404"), result.Text);
    }
}
