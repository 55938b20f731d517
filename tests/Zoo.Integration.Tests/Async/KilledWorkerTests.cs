using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// A worker killed with SIGKILL (out of memory, an operator) cannot record its end: the next GetStatus
/// notices it is gone and says Failed, and GetResult answers instead of waiting for it.
/// </summary>
[TestFixture]
public sealed class KilledWorkerTests : AsyncFixture
{
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Long enough that the service cannot end by itself within <see cref="StopDeadline"/> of the kill.</summary>
    private const double ServiceDuration = 8;

    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(3);

    private string _id = null!;
    private IReadOnlyList<int> _python = [];
    private StatusInfo _statusAfterKill = null!;
    private IReadOnlyList<int> _pythonAliveAfterStopDeadline = [];

    [OneTimeSetUp]
    public void KillAWorker()
    {
        _id = JobIdOf(Post(Xml20(ServiceDuration, 16, "async")));
        Jobs.WaitUntilProgressing(_id);
        var worker = Jobs.WorkerPid(_id);
        _python = Jobs.PythonChildren(worker);

        using (var process = System.Diagnostics.Process.GetProcessById(worker))
            process.Kill(); // SIGKILL, the worker only
        Poll.Until(() => !ProcessTable.IsAlive(worker), AsyncJobs.JobDeadline, $"worker {worker} to die");

        // The first GetStatus after the kill, then how long its service runs on (recorded now, before it could end by itself).
        _statusAfterKill = Jobs.Status(_id);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (_python.Any(ProcessTable.IsAlive) && clock.Elapsed < StopDeadline)
            Thread.Sleep(Poll.Interval);
        _pythonAliveAfterStopDeadline = _python.Where(ProcessTable.IsAlive).ToList();
    }

    [OneTimeTearDown]
    public void StopTheOrphanedService()
    {
        foreach (var pid in _python)
            ProcessTable.KillTree(pid);
    }

    [Test]
    public void After_the_worker_is_killed_the_next_GetStatus_says_Failed()
    {
        Assert.That(_statusAfterKill.Status, Is.EqualTo("Failed"));
    }

    [Test]
    public void After_the_worker_is_killed_GetResult_answers_without_hanging()
    {
        var answer = Task.Run(() => Jobs.GetResult(_id));

        Assert.That(answer.Wait(AnswerDeadline), Is.True, $"GetResult did not answer within {AnswerDeadline}");
    }

    [Test]
    public void After_the_worker_is_killed_GetResult_answers_an_XML_document()
    {
        var result = Jobs.GetResult(_id);

        Assert.That(() => System.Xml.Linq.XDocument.Parse(result.Text), Throws.Nothing, result.Text);
    }

    [Test]
    public void Once_GetStatus_says_Failed_the_service_of_the_killed_worker_does_not_run_on()
    {
        Assume.That(_statusAfterKill.Status, Is.EqualTo("Failed"));

        Assert.That(_pythonAliveAfterStopDeadline, Is.Empty,
            () => $"still running {StopDeadline.TotalSeconds} s after GetStatus said Failed: " +
                  string.Join(", ", _pythonAliveAfterStopDeadline.Select(p => $"{p} (parent {ProcessTable.ParentOf(p)})")));
    }

    [Test]
    public void A_job_failed_by_a_killed_worker_is_left_without_a_status_file()
    {
        Assume.That(Jobs.Status(_id).Status, Is.EqualTo("Failed"));
        // Whatever stops the orphaned service (the kernel, or its own end), wait for it: then nothing can write any more.
        Poll.Until(() => !_python.Any(ProcessTable.IsAlive), AsyncJobs.JobDeadline, $"the python3 service of job {_id} to end");

        Assert.That(Jobs.FilesOf(_id), Has.None.EndsWith(".status"));
    }
}
