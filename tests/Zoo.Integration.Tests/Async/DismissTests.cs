using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// Dismiss of a running job stops it (its worker and the python3 running the service) and removes
/// every file of the job, and only of that job; Dismiss of a finished job removes its files; the job
/// is then unknown. The scenario runs once; the tests read what it recorded.
/// </summary>
[TestFixture]
public sealed class DismissTests : AsyncFixture
{
    private string _dismissedId = null!;
    private CgiResult _dismissAnswer = null!;
    private int _worker;
    private IReadOnlyList<int> _python = null!;
    private IReadOnlyList<string> _filesBefore = null!;
    private IReadOnlyList<string> _filesAfter = null!;
    private IReadOnlyList<string> _finishedOtherBefore = null!;
    private IReadOnlyList<string> _finishedOtherAfter = null!;
    private string _runningOtherId = null!;
    private int _runningOtherWorker;

    [OneTimeSetUp]
    public void DismissARunningJob()
    {
        var finishedOther = JobIdOf(Post(Xml20(0.2, 1, "async")));
        Jobs.WaitUntilFinal(finishedOther);
        _finishedOtherBefore = DirectorySnapshot.Take(Services.TmpPath, path => path.Contains(finishedOther, StringComparison.Ordinal));

        _runningOtherId = JobIdOf(Post(Xml20(30, 30, "async")));
        _dismissedId = JobIdOf(Post(Xml20(30, 30, "async")));
        Jobs.WaitUntilProgressing(_runningOtherId);
        Jobs.WaitUntilProgressing(_dismissedId);
        _runningOtherWorker = Jobs.WorkerPid(_runningOtherId);
        _worker = Jobs.WorkerPid(_dismissedId);
        _python = Jobs.PythonChildren(_worker);
        _filesBefore = Jobs.FilesOf(_dismissedId);

        _dismissAnswer = Jobs.Dismiss(_dismissedId);

        _filesAfter = Jobs.FilesOf(_dismissedId);
        _finishedOtherAfter = DirectorySnapshot.Take(Services.TmpPath, path => path.Contains(finishedOther, StringComparison.Ordinal));
    }

    [Test]
    public void Dismiss_of_a_running_job_answers_Dismissed()
    {
        Assert.That(StatusInfo.Parse(_dismissAnswer), Is.EqualTo(new StatusInfo(_dismissedId, "Dismissed", null, null)), _dismissAnswer.Text);
    }

    [Test]
    public void Dismiss_answer_is_schema_valid()
    {
        SchemaValidator.AssertValid(_dismissAnswer);
    }

    [Test]
    public void Dismiss_of_a_running_job_has_stopped_its_worker_when_it_answers()
    {
        Assert.That(ProcessTable.IsAlive(_worker), Is.False, () => $"worker {_worker}: {ProcessTable.State(_worker)} {ProcessTable.CommandLine(_worker)}");
    }

    [Test]
    public void Dismiss_of_a_running_job_has_stopped_its_python_service_when_it_answers()
    {
        Assert.That(_python.Where(ProcessTable.IsAlive), Is.Empty, () => string.Join("\n", _python.Select(p => $"{p} {ProcessTable.CommandLine(p)}")));
    }

    [Test]
    public void Dismiss_of_a_running_job_removes_every_file_of_the_job()
    {
        Assume.That(_filesBefore, Is.Not.Empty, "the job had files before Dismiss");

        Assert.That(_filesAfter, Is.Empty);
    }

    [Test]
    public void No_file_of_the_dismissed_job_comes_back_once_its_processes_are_gone()
    {
        Poll.Until(() => !ProcessTable.IsAlive(_worker) && !_python.Any(ProcessTable.IsAlive), AsyncJobs.JobDeadline, "the dismissed job's processes to end");

        Assert.That(Jobs.FilesOf(_dismissedId), Is.Empty);
    }

    [Test]
    public void Dismiss_leaves_the_files_of_a_finished_job_untouched()
    {
        Assert.That(_finishedOtherAfter, Is.EqualTo(_finishedOtherBefore));
    }

    [Test]
    public void Dismiss_leaves_another_running_job_running()
    {
        Assert.That(Jobs.Status(_runningOtherId).Status, Is.EqualTo("Running"));
    }

    [Test]
    public void Dismiss_leaves_the_worker_of_another_running_job_alive()
    {
        Assert.That(ProcessTable.IsAlive(_runningOtherWorker), Is.True);
    }

    [Test]
    public void After_Dismiss_of_a_running_job_GetStatus_says_NoSuchJob_with_404()
    {
        var result = Jobs.GetStatus(_dismissedId);

        Assert.That(new[] { OwsReport.Code(result), result.Status[..3] }, Is.EqualTo(new[] { "NoSuchJob", "404" }), result.Text);
    }

    [Test]
    public void Dismiss_of_a_finished_job_removes_its_files()
    {
        var id = JobIdOf(Post(Xml20(0.2, 1, "async")));
        Jobs.WaitUntilFinal(id);
        Assume.That(Jobs.FilesOf(id), Is.Not.Empty, "the job had files before Dismiss");

        Jobs.Dismiss(id);

        Assert.That(Jobs.FilesOf(id), Is.Empty);
    }

    [Test]
    public void Dismiss_of_a_finished_job_answers_Dismissed()
    {
        var id = JobIdOf(Post(Xml20(0.2, 1, "async")));
        Jobs.WaitUntilFinal(id);

        var result = Jobs.Dismiss(id);

        Assert.That(StatusInfo.Parse(result).Status, Is.EqualTo("Dismissed"), result.Text);
    }

    [Test]
    public void After_Dismiss_of_a_finished_job_GetStatus_says_NoSuchJob_with_404()
    {
        var id = JobIdOf(Post(Xml20(0.2, 1, "async")));
        Jobs.WaitUntilFinal(id);
        Jobs.Dismiss(id);

        var result = Jobs.GetStatus(id);

        Assert.That(new[] { OwsReport.Code(result), result.Status[..3] }, Is.EqualTo(new[] { "NoSuchJob", "404" }), result.Text);
    }
}
