using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// <c>DELETE /jobs/{id}</c> (spec/ogcapi.md §3.11; test plan §7.2 item 15): a running job is stopped (its worker and
/// the python3 of its service) and forgotten with its files; a finished job can be dismissed too (ZOO issue #92);
/// afterwards the job is unknown. The scenario runs once; the tests read what it recorded.
/// </summary>
[TestFixture]
public sealed class JobDismissTests : OgcApiFixture
{
    private const string NoSuchJob = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job";

    private string _running = null!;
    private int _worker;
    private IReadOnlyList<int> _python = null!;
    private IReadOnlyList<string> _filesBefore = null!;
    private ApiResponse _dismissed = null!;
    private bool _workerAliveAfter;
    private IReadOnlyList<int> _pythonAliveAfter = null!;
    private IReadOnlyList<string> _filesAfter = null!;
    private ApiResponse _secondDelete = null!;
    private ApiResponse _statusAfter = null!;
    private ApiResponse _resultsAfter = null!;

    private string _finished = null!;
    private ApiResponse _finishedDismissed = null!;
    private ApiResponse _finishedStatusAfter = null!;
    private IReadOnlyList<string> _finishedFilesAfter = null!;

    [OneTimeSetUp]
    public void DismissARunningAndAFinishedJob()
    {
        _finished = StartJob("echo", Execute(new JsonObject { ["a"] = "done" }, ByValue("a")));
        _running = StartJob("echo", Execute(new JsonObject { ["a"] = "slow", ["pause"] = 60 }, ByValue("a")));
        WaitForStatus(_running, "running");
        _worker = Jobs.WorkerPid(_running);
        _python = Jobs.PythonChildren(_worker);
        _filesBefore = Jobs.FilesOf(_running);

        _dismissed = Api.Delete($"/jobs/{_running}");

        _workerAliveAfter = ProcessTable.IsAlive(_worker);
        _pythonAliveAfter = _python.Where(ProcessTable.IsAlive).ToList();
        _filesAfter = Jobs.FilesOf(_running);
        _secondDelete = Api.Delete($"/jobs/{_running}");
        _statusAfter = Api.Get($"/jobs/{_running}");
        _resultsAfter = Api.Get($"/jobs/{_running}/results");

        WaitForStatus(_finished, "successful", "failed");
        _finishedDismissed = Api.Delete($"/jobs/{_finished}");
        _finishedStatusAfter = Api.Get($"/jobs/{_finished}");
        _finishedFilesAfter = Jobs.FilesOf(_finished);
    }

    [Test]
    public void Dismiss_of_a_running_job_answers_200_dismissed()
    {
        Assert.That((_dismissed.StatusCode, _dismissed.Member("status")), Is.EqualTo((200, "dismissed")), _dismissed.ToString);
    }

    [Test]
    public void Dismiss_answer_is_a_valid_statusInfo()
    {
        JsonSchemaValidator.AssertValid("statusInfo", _dismissed);
    }

    [Test]
    public void Dismiss_answer_names_the_job_and_its_process()
    {
        Assert.That((_dismissed.Member("jobID"), _dismissed.Member("processID")), Is.EqualTo((_running, "echo")), _dismissed.ToString);
    }

    [Test]
    public void Dismiss_has_stopped_the_worker_when_it_answers()
    {
        Assert.That(_workerAliveAfter, Is.False, () => $"worker {_worker}: {ProcessTable.CommandLine(_worker)}");
    }

    [Test]
    public void Dismiss_has_stopped_the_python_service_when_it_answers()
    {
        Assert.That(_pythonAliveAfter, Is.Empty);
    }

    [Test]
    public void Dismiss_removes_every_file_of_the_job()
    {
        Assume.That(_filesBefore, Is.Not.Empty, "the job had files before it was dismissed");

        Assert.That(_filesAfter, Is.Empty);
    }

    [Test]
    public void A_second_dismiss_is_a_404_no_such_job()
    {
        Assert.That((_secondDelete.StatusCode, _secondDelete.Member("type")), Is.EqualTo((404, NoSuchJob)), _secondDelete.ToString);
    }

    [Test]
    public void A_dismissed_job_has_no_status_any_more()
    {
        Assert.That((_statusAfter.StatusCode, _statusAfter.Member("type")), Is.EqualTo((404, NoSuchJob)), _statusAfter.ToString);
    }

    [Test]
    public void A_dismissed_job_has_no_results()
    {
        Assert.That((_resultsAfter.StatusCode, _resultsAfter.Member("type")), Is.EqualTo((404, NoSuchJob)), _resultsAfter.ToString);
    }

    [Test]
    public void Dismiss_of_a_finished_job_answers_200_dismissed()
    {
        Assert.That((_finishedDismissed.StatusCode, _finishedDismissed.Member("status")), Is.EqualTo((200, "dismissed")),
            _finishedDismissed.ToString);
    }

    [Test]
    public void A_dismissed_finished_job_is_unknown_afterwards()
    {
        Assert.That(_finishedStatusAfter.StatusCode, Is.EqualTo(404), _finishedStatusAfter.ToString);
    }

    [Test]
    public void Dismiss_of_a_finished_job_removes_its_files()
    {
        Assert.That(_finishedFilesAfter, Is.Empty);
    }
}
