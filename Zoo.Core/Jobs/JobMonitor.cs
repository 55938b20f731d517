using System.Globalization;

namespace Zoo.Core.Jobs;

/// <summary>
/// Tells where a job is from its files, and notices a worker that died without finishing (killed,
/// crashed, machine rebooted): such a job is recorded as failed instead of running forever.
/// </summary>
public sealed class JobMonitor(JobStore store)
{
    public JobState State(string id)
    {
        var service = store.ServiceName(id);
        if (store.Ending(id) is { } ended)
            return new JobState(id, ended.Succeeded ? JobPhase.Succeeded : JobPhase.Failed, 100, ended.Message, service);
        if (store.WorkerPid(id) is not { } pid)
            return new JobState(id, JobPhase.Accepted, 0, null, service);
        if (IsWorkerAlive(pid, id))
        {
            var (percent, message) = store.Progress(id);
            return new JobState(id, JobPhase.Running, percent, message, service);
        }
        // The worker may have finished between the two reads.
        if (store.Ending(id) is { } late)
            return new JobState(id, late.Succeeded ? JobPhase.Succeeded : JobPhase.Failed, 100, late.Message, service);
        var reason = $"The job stopped unexpectedly: its worker (process {pid.ToString(CultureInfo.InvariantCulture)}) is gone.";
        // Whatever the worker started must not run on (and write the job's files) after it failed.
        ProcessGroup.Kill(pid);
        store.Finish(id, service ?? "", succeeded: false, reason);
        return new JobState(id, JobPhase.Failed, 100, reason, service);
    }

    /// <summary>Alive, and still our worker for this job (a recycled pid runs something else).</summary>
    public static bool IsWorkerAlive(int pid, string id)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return commandLine.Contains(DetachedLauncher.WorkerFlag, StringComparison.Ordinal)
                   && commandLine.Contains(id, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
