using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>
/// Ten thousand hostile requests (fixed seed, see <see cref="FuzzPlan"/>) run against the published
/// zoo_loader.cgi as a web server runs it, in a throw-away copy of dist/cgi-bin. Every answer must come from a
/// process that exits by itself with code 0, in under a second, under 64 MiB, as a well-formed CGI answer whose
/// body is XML (an ExceptionReport when the status is not 2xx); and nothing outside the copy may change.
/// </summary>
/// <remarks>
/// Replay: <c>ZOO_FUZZ_CASE=N</c> (or <c>N,M</c>) runs only those cases and prints each request in full with a
/// shell command that replays it by hand; <c>ZOO_FUZZ_SEED</c> and <c>ZOO_FUZZ_CASES</c> explore other runs;
/// <c>ZOO_FUZZ_PARALLEL</c> sets how many CGIs run at once (default 3); <c>ZOO_FUZZ_ATTACK=name</c> makes every case one
/// attack class. A replayed case prints in full with <c>--logger "console;verbosity=detailed"</c>; every failed case of a
/// run is written to /tmp/zoo-fuzz-&lt;seed&gt;-failures.txt.
/// </remarks>
[TestFixture]
[Category("Fuzz")]
[NonParallelizable]
public sealed class KernelFuzzTests
{
    private const int FailuresShown = 50;
    private const int MaxSlowRetries = 40;
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WorkerDeadline = TimeSpan.FromSeconds(30);

    private ServiceDirectory _services = null!;
    private OutsideWorld _outside = null!;

    [OneTimeSetUp]
    public void CopyTheBundledConfiguration()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        // Everything the kernel may write goes inside the copy, so that any write outside it is the kernel's doing.
        _services.SetConfig("main", "sessPath", _services.TmpPath);
        _services.SetConfig("main", "dataPath", Path.Combine(_services.TmpPath, "data"));
        Directory.CreateDirectory(Path.Combine(_services.TmpPath, "data"));
        _outside = OutsideWorld.Prepare(_services);
    }

    [OneTimeTearDown]
    public void RemoveTheCopy()
    {
        OutsideWorld.Remove();
        if (_services is null)
            return;
        new AsyncJobs(_services).KillAllWorkers();
        _services.Dispose();
    }

    [Test]
    public void Hostile_requests_get_well_formed_answers_quickly_and_change_nothing_outside_the_service_directory()
    {
        var seed = FuzzPlan.Seed;
        var replay = FuzzPlan.Replay;
        var only = FuzzPlan.Only;
        var cases = replay ?? Enumerable.Range(0, FuzzPlan.Cases).ToList();
        var parallel = Environment.GetEnvironmentVariable("ZOO_FUZZ_PARALLEL") is { Length: > 0 } p ? int.Parse(p, CultureInfo.InvariantCulture) : 3;
        var executable = Path.Combine(_services.Path, "zoo_loader.cgi");
        var failures = new ConcurrentBag<CaseFailure>();
        var outcomes = new ConcurrentBag<CaseOutcome>();
        var replayed = new ConcurrentDictionary<int, string>();
        var done = 0;
        TestContext.Progress.WriteLine($"fuzz: seed {seed}, {cases.Count} cases{(only is null ? "" : " of " + only.Name + " only")}, {parallel} at a time, against {executable}");

        var clock = Stopwatch.StartNew();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = parallel }, index =>
        {
            var (request, run, problems) = RunCase(seed, index, only, executable);
            outcomes.Add(new CaseOutcome(index, request.Attack, run.Elapsed, run.PeakRssBytes, StatusOf(run)));
            if (problems.Count > 0)
                failures.Add(CaseFailure.Of(index, request, run, problems));
            if (replay is not null)
                replayed[index] = Replayed(seed, index, request, run, problems);
            var finished = Interlocked.Increment(ref done);
            if (finished % 1000 == 0)
                TestContext.Progress.WriteLine($"fuzz: {finished} cases in {clock.Elapsed.TotalSeconds:0} s, {failures.Count} failed");
        });
        var elapsed = clock.Elapsed;

        foreach (var (_, text) in replayed.OrderBy(r => r.Key))
            TestContext.Out.WriteLine(text);

        var (confirmed, retried) = RetrySlowAlone(seed, only, executable, failures.ToList());
        var leftovers = StopWorkers();
        var changes = _outside.Changes();
        // Out reaches the test's output (console on failure, the .trx always); Progress the live log.
        var summary = Summary(seed, outcomes.ToList(), elapsed) + $"\nfuzz: {retried}\nfuzz: {leftovers}";
        TestContext.Out.WriteLine(summary);
        TestContext.Progress.WriteLine(summary);

        var everything = Path.Combine(Path.GetTempPath(), $"zoo-fuzz-{seed}-failures.txt");
        File.Delete(everything); // an earlier run's
        if (confirmed.Count == 0 && changes.Count == 0)
            return;
        var ordered = confirmed.OrderBy(f => f.Index).ToList();
        File.WriteAllText(everything, Report(seed, ordered, changes, outcomes.Count, int.MaxValue, everything));
        Assert.Fail(Report(seed, ordered, changes, outcomes.Count, FailuresShown, everything));
    }

    private sealed record CaseOutcome(int Index, string Attack, TimeSpan Elapsed, long PeakRss, string Status);

    /// <summary>A failed case, with the start of its output only (a run holds thousands; some answers are tens of MiB).</summary>
    private sealed record CaseFailure(int Index, FuzzRequest Request, CgiRun Run, long OutputBytes, IReadOnlyList<Problem> Problems)
    {
        public static CaseFailure Of(int index, FuzzRequest request, CgiRun run, IReadOnlyList<Problem> problems) =>
            new(index, request, run with { Output = run.Output[..Math.Min(run.Output.Length, 4096)] }, run.Output.Length, problems);
    }

    private (FuzzRequest Request, CgiRun Run, IReadOnlyList<Problem> Problems) RunCase(int seed, int index, Attack? only, string executable)
    {
        var request = FuzzPlan.Case(seed, index, only);
        var run = CgiSpawn.Run(executable, _services.Path, request.Variables(), request.Body, CgiAnswerCheck.KillAfter, OutputGrace);
        return (request, run, CgiAnswerCheck.Problems(request, run));
    }

    /// <summary>
    /// Runs again, one at a time, the cases whose only fault was their wall time: with several CGIs (and whatever
    /// else the machine runs) sharing two cores, a 60 ms request can take over a second. A case is slow if it is
    /// slow alone too; one that is quick alone is only reported in the summary. Quadratic parsers stay slow.
    /// </summary>
    private (List<CaseFailure> Confirmed, string Retried) RetrySlowAlone(int seed, Attack? only, string executable, List<CaseFailure> failures)
    {
        var slowOnly = failures.Where(f => f.Problems.All(p => p.Class == "slow")).OrderBy(f => f.Index).Take(MaxSlowRetries).ToList();
        var quickAlone = new List<string>();
        foreach (var failure in slowOnly)
        {
            var (request, run, problems) = RunCase(seed, failure.Index, only, executable);
            failures.Remove(failure);
            if (problems.Count == 0)
            {
                quickAlone.Add($"{failure.Index} ({failure.Run.Elapsed.TotalMilliseconds:0} → {run.Elapsed.TotalMilliseconds:0} ms)");
                continue;
            }
            failures.Add(CaseFailure.Of(failure.Index, request, run,
                [.. problems.Select(p => p.Class == "slow" ? p with { Detail = $"{p.Detail}, run alone; {failure.Run.Elapsed.TotalMilliseconds:0} ms among the others" } : p)]));
        }
        var retried = slowOnly.Count == 0
            ? "no case was only slow"
            : $"{slowOnly.Count} cases that were only slow ran again alone: {slowOnly.Count - quickAlone.Count} slow again, {quickAlone.Count} quick alone"
              + (quickAlone.Count == 0 ? "" : ": " + string.Join(", ", quickAlone.Take(20)));
        return (failures, retried);
    }

    /// <summary>Lets the asynchronous jobs the run started end by themselves, within a deadline; kills the rest (by pid).</summary>
    private string StopWorkers()
    {
        var config = Path.Combine(_services.Path, "main.cfg");
        List<int> Workers() => ProcessTable.AllPids()
            .Where(pid => ProcessTable.CommandLine(pid) is var line && line.Contains("--worker", StringComparison.Ordinal) && line.Contains(config, StringComparison.Ordinal))
            .ToList();
        var clock = Stopwatch.StartNew();
        var workers = Workers();
        while (workers.Count > 0 && clock.Elapsed < WorkerDeadline)
        {
            Thread.Sleep(Poll.Interval); // polling /proc for the workers' end, with a deadline, as Poll.Until does
            workers = Workers();
        }
        foreach (var pid in workers)
            ProcessTable.KillTree(pid);
        return workers.Count == 0
            ? $"asynchronous workers all ended within {clock.Elapsed.TotalSeconds:0.#} s"
            : $"{workers.Count} asynchronous workers still ran after {WorkerDeadline.TotalSeconds:0} s and were killed: {string.Join(", ", workers)}";
    }

    private static string StatusOf(CgiRun run)
    {
        var text = Encoding.ASCII.GetString(run.Output, 0, Math.Min(run.Output.Length, 512));
        var at = text.IndexOf("Status:", StringComparison.OrdinalIgnoreCase);
        return at < 0 || text.Length < at + 11 ? "none" : text.Substring(at + 8, 3);
    }

    private static string Summary(int seed, List<CaseOutcome> outcomes, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"fuzz: seed {seed}: {outcomes.Count} requests in {elapsed.TotalSeconds:0.0} s ({(outcomes.Count == 0 ? 0 : elapsed.TotalMilliseconds / outcomes.Count):0.0} ms each, in parallel)");
        if (outcomes.Count == 0)
            return text.ToString();
        var slowest = outcomes.MaxBy(o => o.Elapsed)!;
        var biggest = outcomes.MaxBy(o => o.PeakRss)!;
        var times = outcomes.Select(o => o.Elapsed.TotalMilliseconds).Order().ToList();
        text.AppendLine($"fuzz: wall time per request: median {times[times.Count / 2]:0} ms, p99 {times[(int)(times.Count * 0.99)]:0} ms, slowest {slowest.Elapsed.TotalMilliseconds:0} ms (case {slowest.Index}, {slowest.Attack})");
        text.AppendLine($"fuzz: peak RSS of a CGI process: {biggest.PeakRss / (1024.0 * 1024):0.0} MiB (case {biggest.Index}, {biggest.Attack})");
        text.AppendLine("fuzz: statuses: " + string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}")));
        text.Append("fuzz: attacks (cases, total CGI time, mean): " + string.Join(", ", outcomes.GroupBy(o => o.Attack)
            .OrderByDescending(g => g.Sum(o => o.Elapsed.TotalSeconds))
            .Select(g => $"{g.Key} ×{g.Count()} {g.Sum(o => o.Elapsed.TotalSeconds):0} s {g.Average(o => o.Elapsed.TotalMilliseconds):0} ms")));
        return text.ToString();
    }

    private static string Report(int seed, List<CaseFailure> failures, IReadOnlyList<string> changes, int total, int shownAtMost, string everything)
    {
        var text = new StringBuilder();
        text.AppendLine($"{failures.Count} of {total} requests failed (seed {seed}); replay one with ZOO_FUZZ_CASE=<case> (and ZOO_FUZZ_SEED={seed} if not the default).");
        text.AppendLine($"Every failed case is listed in {everything}.");
        foreach (var change in changes)
            text.AppendLine("outside the service directory: " + change);
        text.AppendLine("failures by class (class: cases, first cases):");
        foreach (var group in failures.SelectMany(f => f.Problems.Select(p => (p.Class, f.Index))).GroupBy(x => x.Class).OrderByDescending(g => g.Count()))
            text.AppendLine($"  {group.Key}: {group.Count()}, e.g. cases {string.Join(", ", group.Select(x => x.Index).Distinct().Take(8))}");
        text.AppendLine("failures by attack: " + string.Join(", ", failures.GroupBy(f => f.Request.Attack).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}")));
        text.AppendLine();
        // The first failure of each class, then the others in case order, up to shownAtMost.
        var shown = failures.SelectMany(f => f.Problems.Select(p => (p.Class, Failure: f))).GroupBy(x => x.Class).Select(g => g.First().Failure)
            .Concat(failures).Distinct().Take(shownAtMost).OrderBy(f => f.Index).ToList();
        foreach (var failure in shown)
            text.AppendLine(Describe(seed, failure));
        if (failures.Count > shown.Count)
            text.AppendLine($"... and {failures.Count - shown.Count} more failed cases.");
        return text.ToString();
    }

    private static string Describe(int seed, CaseFailure failure)
    {
        var (index, request, run, outputBytes, problems) = failure;
        var text = new StringBuilder();
        text.AppendLine($"case {index} (seed {seed}, replay: ZOO_FUZZ_CASE={index}): {string.Join("; ", problems)}");
        text.AppendLine("    " + request.Describe());
        text.AppendLine($"    ran {run.Elapsed.TotalMilliseconds:0} ms, peak RSS {run.PeakRssBytes / (1024.0 * 1024):0.0} MiB, exit {run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}, signal {run.Signal?.ToString(CultureInfo.InvariantCulture) ?? "-"}, body sent {Printable.Size(run.BodyBytesWritten)} of {Printable.Size(request.Body.Length)}");
        text.AppendLine($"    stdout ({Printable.Size(outputBytes)}): {Printable.Of(run.Output.AsSpan(0, Math.Min(run.Output.Length, 400)), 400)}");
        if (run.ErrorBytes > 0)
            text.AppendLine($"    stderr ({Printable.Size(run.ErrorBytes)}): {Printable.Of(run.ErrorHead, 400)}");
        return text.ToString();
    }

    /// <summary>For a replayed case: the whole request, a shell command to run it by hand, and the whole answer.</summary>
    private static string Replayed(int seed, int index, FuzzRequest request, CgiRun run, IReadOnlyList<Problem> problems)
    {
        var bodyFile = Path.Combine(Path.GetTempPath(), $"zoo-fuzz-{seed}-{index}.body");
        if (request.Body.Length > 0)
        {
            using var file = File.Create(bodyFile);
            foreach (var chunk in request.Body.Chunks())
                file.Write(chunk.Span);
        }
        var text = new StringBuilder();
        text.AppendLine($"case {index} (seed {seed}): {(problems.Count == 0 ? "passed" : string.Join("; ", problems))}");
        text.AppendLine("  " + request.Describe());
        text.AppendLine($"  by hand, in a copy of dist/cgi-bin: {request.ShellCommand(bodyFile)}");
        text.AppendLine($"  ran {run.Elapsed.TotalMilliseconds:0} ms, peak RSS {run.PeakRssBytes / (1024.0 * 1024):0.0} MiB, exit {run.ExitCode}, signal {run.Signal}, killed {run.KilledAtDeadline}");
        text.AppendLine($"  stdout ({Printable.Size(run.Output.Length)}):");
        text.AppendLine(Encoding.UTF8.GetString(run.Output, 0, Math.Min(run.Output.Length, 8000)));
        text.AppendLine($"  stderr ({Printable.Size(run.ErrorBytes)}):");
        text.AppendLine(run.ErrorHead);
        return text.ToString();
    }
}
