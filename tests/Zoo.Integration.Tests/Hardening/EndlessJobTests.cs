using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 9: jobs that never end. A service that left a child behind kept the synchronous answer waiting for as
/// long as the child held the bridge's pipe; a service killed at its timeout left its children running; a worker
/// killed with SIGKILL left a job Running forever in the 1.0.0 status document; and a .pid naming some other
/// live process made the kernel believe the job ran, and signal that process. Now the answer comes at once and the
/// service's whole process group is stopped; a dead worker's job is Failed for both protocols; a .pid whose start
/// time does not match names no job's worker, and that process is left alone.
/// </summary>
[TestFixture]
public sealed class EndlessJobTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(5);

    private ServiceDirectory _services = null!;
    private ServiceDirectory _withTimeout = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _withTimeout = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _withTimeout.SetConfig("python", "timeout", "2");
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        StopChildren(_services);
        StopChildren(_withTimeout);
        _services.Dispose();
        _withTimeout.Dispose();
    }

    private static void StopChildren(ServiceDirectory services)
    {
        foreach (var file in Directory.EnumerateFiles(services.TmpPath, "*.children"))
        {
            foreach (var pid in Children.Read(file).All)
                ProcessTable.KillTree(pid);
        }
    }

    /// <summary>What a fixture service of children_service.py recorded: its pid, its process group, what it started.</summary>
    private sealed record Children(int Service, int Pgid, IReadOnlyList<int> Pids)
    {
        public IEnumerable<int> All => Pids.Append(Service);

        public static Children Read(string file)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            return new Children(root.GetProperty("service").GetInt32(), root.GetProperty("pgid").GetInt32(),
                root.GetProperty("pids").EnumerateArray().Select(p => p.GetInt32()).ToList());
        }

        public static Children Of(ServiceDirectory services, string service) =>
            Read(Directory.EnumerateFiles(services.TmpPath, service + "_*.children").Single());
    }

    /// <summary>Live processes of a process group (field 5 of /proc/&lt;pid&gt;/stat).</summary>
    private static IReadOnlyList<int> GroupMembers(int pgid) =>
        ProcessTable.AllPids().Where(pid => ProcessTable.IsAlive(pid) && GroupOf(pid) == pgid).ToList();

    private static int? GroupOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string Describe(IEnumerable<int> pids) =>
        string.Join(", ", pids.Select(p => $"{p} ({ProcessTable.CommandLine(p)})"));

    private static void AssertAllGone(Children children)
    {
        var alive = Poll.Until(() => children.All.Where(ProcessTable.IsAlive).Concat(GroupMembers(children.Pgid)).Distinct().ToList(),
            left => left.Count == 0, Gone, "the service's processes to end", Poll.Interval);
        Assert.That(alive, Is.Empty);
    }

    [TestCase("Spawner")]
    [TestCase("Forker")]
    public void A_service_that_leaves_a_child_behind_is_answered_at_once_and_the_child_is_stopped(string service)
    {
        var clock = Stopwatch.StartNew();

        var result = CgiProcess.Get(_services.Path, Kvp(service, "duration=0", "&RawDataOutput=Result"));

        clock.Stop();
        CgiAnswer.AssertProper(result);
        var children = Children.Of(_services, service);
        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(Prompt), "time to the answer");
            Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
            Assert.That(result.Text, Does.EndWith(children.Pids[0].ToString(CultureInfo.InvariantCulture)));
        });
        AssertAllGone(children);
    }

    [Test]
    public void A_hanging_service_with_children_is_stopped_at_its_timeout_with_its_whole_process_group()
    {
        var clock = Stopwatch.StartNew();

        var result = CgiProcess.Get(_withTimeout.Path, Kvp("HangingParent", "duration=0", "&RawDataOutput=Result"));

        clock.Stop();
        var children = Children.Of(_withTimeout, "HangingParent");
        TestContext.Out.WriteLine($"service {children.Service}, group {children.Pgid}, children {string.Join(", ", children.Pids)}");
        var exception = CgiAnswer.AssertReport(result, "NoApplicableCode");
        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2) + Prompt), "time to the answer");
            Assert.That(OwsReport.Text(result), Does.Contain("2 seconds"), exception.ToString());
        });
        SchemaValidator.AssertValid(result);
        AssertAllGone(children);
    }
}

/// <summary>Defect 9, asynchronous jobs: a killed worker, and a .pid that names a process that is not the worker.</summary>
[TestFixture]
public sealed class DeadWorkerTests : Async.AsyncFixture
{
    private string _killedJob = null!;
    private string _statusLocation = null!;
    private IReadOnlyList<int> _orphans = [];
    private CgiResult _documentFirst = null!;
    private StatusInfo _statusAfter = null!;
    private CgiResult _documentAfter = null!;

    private Process _decoy = null!;
    private string _decoyJob = null!;
    private bool _decoyAliveAfterGetStatus;
    private bool _decoyAliveAfterDismiss;
    private StatusInfo _decoyJobStatus = null!;
    private CgiResult _decoyDismissed = null!;

    [OneTimeSetUp]
    public void KillWorkers()
    {
        // 1. A 1.0.0 job whose worker is SIGKILLed: its status document is asked first, then GetStatus 2.0.0.
        var accepted = Get(Kvp10(8, 16));
        _statusLocation = StatusLocationOf(accepted);
        _killedJob = JobIdOfLocation(_statusLocation);
        Jobs.WaitUntilProgressing(_killedJob);
        var worker = Jobs.WorkerPid(_killedJob);
        _orphans = Jobs.PythonChildren(worker);
        using (var process = Process.GetProcessById(worker))
            process.Kill();
        Poll.Until(() => !ProcessTable.IsAlive(worker), AsyncJobs.JobDeadline, $"worker {worker} to die");
        _documentFirst = Jobs.Fetch(_statusLocation);
        _statusAfter = Jobs.Status(_killedJob);
        _documentAfter = Jobs.Fetch(_statusLocation);

        // 2. A job whose worker (and service) died, and whose .pid then names an unrelated live process with
        //    another start time, as when a pid is recycled. The decoy has a session of its own, so that signalling
        //    its group could not reach the test run.
        _decoy = Process.Start(new ProcessStartInfo("/usr/bin/setsid", "sleep 600") { UseShellExecute = false })!;
        _decoyJob = JobIdOf(Post(Xml20(8, 16, "async")));
        Jobs.WaitUntilProgressing(_decoyJob);
        var decoyWorker = Jobs.WorkerPid(_decoyJob);
        var tree = ProcessTable.Descendants(decoyWorker).Prepend(decoyWorker).ToList();
        ProcessTable.KillTree(decoyWorker);
        Poll.Until(() => !tree.Any(ProcessTable.IsAlive), AsyncJobs.JobDeadline, "the decoy job's worker and service to die");
        Poll.Until(() => ProcessTable.CommandLine(_decoy.Id).StartsWith("sleep", StringComparison.Ordinal), AsyncJobs.JobDeadline, "the decoy to run sleep");
        var wrongStart = StartTime(_decoy.Id) + 12345;
        File.WriteAllText(Path.Combine(Services.TmpPath, _decoyJob + ".pid"),
            string.Create(CultureInfo.InvariantCulture, $"{_decoy.Id} {wrongStart}"));
        _decoyJobStatus = Jobs.Status(_decoyJob);
        _decoyAliveAfterGetStatus = ProcessTable.IsAlive(_decoy.Id);
        _decoyDismissed = Jobs.Dismiss(_decoyJob);
        _decoyAliveAfterDismiss = ProcessTable.IsAlive(_decoy.Id);
    }

    [OneTimeTearDown]
    public void StopLeftovers()
    {
        foreach (var pid in _orphans)
            ProcessTable.KillTree(pid);
        if (_decoy is not null)
        {
            _decoy.Kill();
            _decoy.Dispose();
        }
    }

    private static long StartTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19], CultureInfo.InvariantCulture);
    }

    [Test]
    public void After_the_worker_is_killed_the_1_0_0_status_document_says_ProcessFailed()
    {
        CgiAnswer.AssertProper(_documentFirst);
        Assert.That(Status10(_documentFirst).Status, Is.EqualTo("ProcessFailed"), _documentFirst.Text);
    }

    /// <remarks>Not one of the issue's defects: the ProcessFailed document checked against the OGC schema.</remarks>
    [Test]
    public void The_1_0_0_status_document_of_a_job_whose_worker_was_killed_is_schema_valid()
    {
        Assume.That(Status10(_documentFirst).Status, Is.EqualTo("ProcessFailed"));
        SchemaValidator.AssertValid(_documentFirst);
    }

    [Test]
    public void After_the_worker_is_killed_GetStatus_2_0_0_says_Failed()
    {
        Assert.That(_statusAfter.Status, Is.EqualTo("Failed"));
    }

    [Test]
    public void After_GetStatus_the_1_0_0_status_document_still_says_ProcessFailed()
    {
        CgiAnswer.AssertProper(_documentAfter);
        Assert.That(Status10(_documentAfter).Status, Is.EqualTo("ProcessFailed"), _documentAfter.Text);
    }

    [Test]
    public void A_pid_file_naming_another_process_makes_the_job_Failed()
    {
        Assert.That(_decoyJobStatus.Status, Is.EqualTo("Failed"));
    }

    [Test]
    public void The_process_a_pid_file_wrongly_names_is_not_killed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_decoyAliveAfterGetStatus, Is.True, "after GetStatus");
            Assert.That(_decoyAliveAfterDismiss, Is.True, "after Dismiss");
            Assert.That(ProcessTable.IsAlive(_decoy.Id), Is.True, "now");
        });
    }

    [Test]
    public void Dismissing_the_job_of_a_wrong_pid_file_is_a_proper_answer()
    {
        CgiAnswer.AssertProper(_decoyDismissed);
        SchemaValidator.AssertValid(_decoyDismissed);
    }
}
