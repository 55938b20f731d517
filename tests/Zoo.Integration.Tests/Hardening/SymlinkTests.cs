using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 7: tmpPath is shared (the web server publishes it, services write there), and the kernel followed
/// symbolic links there and wrote under predictable temporary names. Someone who can write in tmpPath planted
/// <c>&lt;id&gt;.status</c> as a link to a secret file and read it back through GetStatus, or planted a link at a
/// name the kernel was about to write and made it overwrite another file. Links planted at a running job's
/// status file, at the likely temporary names of its files, and at the file name of its output by reference
/// disclose nothing and change nothing.
/// </summary>
[TestFixture]
public sealed class SymlinkTests
{
    /// <summary>Long enough to plant the links and ask for the status while the job runs.</summary>
    private const int Duration = 4;

    private ServiceDirectory _services = null!;
    private AsyncJobs _jobs = null!;
    private string _secret = null!;
    private string _marker = null!;
    private (byte[] Content, DateTime Written) _secretBefore;

    private string _statusJob = null!;
    private string _statusLocation = null!;
    private readonly List<string> _planted = [];
    private readonly List<(string What, CgiResult Answer)> _answersWhileRunning = [];
    private readonly List<(string What, CgiResult Answer)> _answersAfterwards = [];

    private string _outputJob = null!;
    private string _outputFile = null!;
    private CgiResult _outputDocument = null!;

    [OneTimeSetUp]
    public void PlantLinksForRunningJobs()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _jobs = new AsyncJobs(_services);
        _marker = "SECRET-" + Guid.NewGuid().ToString("N");
        _secret = Path.Combine(_services.Path, "secret.txt");
        File.WriteAllText(_secret, _marker + "\n");
        _secretBefore = (File.ReadAllBytes(_secret), File.GetLastWriteTimeUtc(_secret));

        // A job whose service reports no progress, so that nothing replaces a planted .status while it runs.
        var accepted = CgiProcess.Get(_services.Path,
            Kvp("SlowEcho", $"duration={Duration}", "&ResponseDocument=Result&storeExecuteResponse=true&status=true"));
        _statusLocation = StatusLocationOf(accepted);
        _statusJob = JobIdOfLocation(_statusLocation);
        // And one whose output goes to a file by reference.
        var withReference = CgiProcess.Get(_services.Path,
            Kvp("SlowEcho", $"duration={Duration}", "&ResponseDocument=Result@asReference=true&storeExecuteResponse=true&status=true"));
        _outputJob = JobIdOfLocation(StatusLocationOf(withReference));
        _outputFile = Path.Combine(_services.TmpPath, $"ZOO_DATA_SlowEcho_Result_{_outputJob}_0.txt");
        Plant(_outputFile);

        _jobs.WorkerPid(_statusJob); // running
        foreach (var name in new[]
                 {
                     "{id}.status", "{id}.res", "SlowEcho_{id}.xml", "{id}_lenv.cfg", "{id}.status.tmp", ".{id}.status.tmp", "{id}.status~", "{id}.res.tmp", ".{id}.res.tmp",
                     "{id}.pid.tmp", "{id}_lenv.cfg.tmp", "SlowEcho_{id}.xml.tmp", ".SlowEcho_{id}.xml.tmp", "SlowEcho_{id}_error.log",
                 })
            Plant(Path.Combine(_services.TmpPath, name.Replace("{id}", _statusJob, StringComparison.Ordinal)));

        _answersWhileRunning.Add(("GetStatus 2.0.0", _jobs.GetStatus(_statusJob)));
        _answersWhileRunning.Add(("the 1.0.0 statusLocation", _jobs.Fetch(_statusLocation)));
        _answersWhileRunning.Add(("GetResult 2.0.0", _jobs.GetResult(_statusJob)));
        var stillRunning = _jobs.Status(_statusJob);
        Assume.That(stillRunning.IsFinal, Is.False, "the job ended before the links were read");

        foreach (var id in new[] { _statusJob, _outputJob })
            _jobs.WaitUntilFinal(id);
        _answersAfterwards.Add(("GetStatus 2.0.0", _jobs.GetStatus(_statusJob)));
        _answersAfterwards.Add(("the 1.0.0 statusLocation", _jobs.Fetch(_statusLocation)));
        _answersAfterwards.Add(("GetResult 2.0.0", _jobs.GetResult(_statusJob)));
        _outputDocument = _jobs.Fetch(StatusLocationOf(withReference));
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _jobs.KillAllWorkers();
        _services.Dispose();
    }

    /// <summary>A link to the secret at <paramref name="path"/>, in place of whatever is there.</summary>
    private void Plant(string path)
    {
        if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
            File.Delete(path);
        File.CreateSymbolicLink(path, _secret);
        _planted.Add(Path.GetFileName(path));
    }

    [Test]
    public void While_the_job_runs_no_answer_discloses_the_linked_file()
    {
        Assert.Multiple(() =>
        {
            foreach (var (what, answer) in _answersWhileRunning)
            {
                CgiAnswer.AssertProper(answer);
                Assert.That(answer.Text, Does.Not.Contain(_marker), $"{what}:\n{answer.Text}");
            }
        });
    }

    [Test]
    public void After_the_job_no_answer_discloses_the_linked_file()
    {
        Assert.Multiple(() =>
        {
            foreach (var (what, answer) in _answersAfterwards)
            {
                CgiAnswer.AssertProper(answer);
                Assert.That(answer.Text, Does.Not.Contain(_marker), $"{what}:\n{answer.Text}");
            }
        });
    }

    [Test]
    public void The_linked_file_is_unchanged_after_the_jobs()
    {
        TestContext.Out.WriteLine("planted: " + string.Join(", ", _planted));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(_secret), Is.EqualTo(_secretBefore.Content));
            Assert.That(File.GetLastWriteTimeUtc(_secret), Is.EqualTo(_secretBefore.Written));
        });
    }

    [Test]
    public void The_job_with_a_linked_status_file_still_ends_as_it_should()
    {
        Assert.That(_jobs.Status(_statusJob).Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void An_output_by_reference_is_not_written_through_a_link_at_its_name()
    {
        var link = new FileInfo(_outputFile).LinkTarget;

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(_secret), Is.EqualTo(_secretBefore.Content));
            Assert.That(_outputDocument.Text, Does.Not.Contain(_marker));
            // Whatever is at that name now is the kernel's own file with the output, or nothing: never the secret.
            if (File.Exists(_outputFile))
                Assert.That(link is null ? File.ReadAllText(_outputFile) : "(a link to " + link + ")", Is.EqualTo("SlowEcho answered"));
        });
    }

    [Test]
    public void The_document_of_the_job_with_a_linked_output_name_is_a_proper_answer()
    {
        CgiAnswer.AssertProper(_outputDocument);
        var status = Status10(_outputDocument);
        Assert.That(status.Status, Is.EqualTo("ProcessSucceeded").Or.EqualTo("ProcessFailed"), _outputDocument.Text);
        SchemaValidator.AssertValid(_outputDocument);
    }
}
