using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// The test cluster's Slurm asked from this machine (sacct and scancel with its SLURM_CONF): what really reached
/// the cluster, whatever the kernel reports.
/// </summary>
internal sealed class LocalSlurm(ClusterEnvironment cluster)
{
    // The states a job still leaves; every other one sacct prints is an end (COMPLETED, FAILED, CANCELLED by N, TIMEOUT, ...).
    private static readonly string[] ActiveStates = ["PENDING", "RUNNING", "REQUEUED", "RESIZING", "SUSPENDED"];

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The jobs named <paramref name="jobName"/> submitted in the last day, as <c>JobID|State</c> lines.</summary>
    public IReadOnlyList<string> Jobs(string jobName) =>
        LocalCommand.Output("sacct", ["-X", "--parsable2", "--noheader", "--starttime", "now-1days", "--name", jobName,
                "--format=JobID,State"], Environment)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Polls sacct until the job named <paramref name="jobName"/> has ended, and returns its <c>JobID|State</c>.</summary>
    public string WaitUntilEnded(string jobName, TimeSpan deadline) =>
        Poll.Until(() => Jobs(jobName).SingleOrDefault(), line => line is not null && !ActiveStates.Contains(State(line)),
            deadline, $"sacct to show {jobName} ended", PollInterval)!;

    /// <summary>sacct's State of the job with that Slurm id (its first word), or "" while sacct does not list it.</summary>
    public string StateOf(string slurmJobId) =>
        LocalCommand.Output("sacct", ["-j", slurmJobId, "-X", "--parsable2", "--noheader", "--format=State"], Environment)
            .Trim().Split(' ')[0];

    /// <summary>sacct's ElapsedRaw of the job with that Slurm id: the seconds it ran.</summary>
    public long ElapsedSeconds(string slurmJobId) =>
        long.Parse(LocalCommand.Output("sacct", ["-j", slurmJobId, "-X", "--parsable2", "--noheader", "--format=ElapsedRaw"], Environment).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls sacct until the job with that Slurm id is in <paramref name="state"/>.</summary>
    public void WaitForState(string slurmJobId, string state, TimeSpan deadline) =>
        Poll.Until(() => StateOf(slurmJobId), s => s == state, deadline, $"Slurm job {slurmJobId} to be {state}", PollInterval);

    /// <summary>Cancels the jobs named <paramref name="jobName"/> that still wait or run; those already ended are left as they are.</summary>
    public void Cancel(string jobName)
    {
        var (exitCode, output) = LocalCommand.Run("scancel", ["--quiet", "--name", jobName], Environment);
        if (exitCode != 0)
            TestContext.Progress.WriteLine($"scancel --name {jobName} failed (exit {exitCode}): {output}");
    }

    /// <summary>Cancels the job with that Slurm id, as an operator would on the cluster.</summary>
    public void CancelJob(string slurmJobId) => LocalCommand.Output("scancel", [slurmJobId], Environment);

    private Dictionary<string, string> Environment => new() { ["SLURM_CONF"] = cluster.SlurmConf };

    private static string State(string line) => line.Split('|')[1].Split(' ')[0];
}
