using System.Globalization;

namespace Zoo.Core.Jobs;

/// <summary>
/// Tells where a job is from its files, and notices a worker that died without finishing (killed, crashed,
/// machine rebooted, or never started): such a job is recorded as failed, in both WPS versions, instead of
/// running forever, and whatever it left running is stopped.
/// </summary>
public sealed class JobMonitor(JobStore store)
{
    /// <summary>How long a job may stay without a worker: the CGI records the worker right after starting it.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(60);

    public JobState State(string id)
    {
        var service = store.ServiceName(id);
        if (store.Ending(id) is { } ended)
            return Ended(id, ended, service);
        if (store.Worker(id) is not { } worker)
            return File.GetLastWriteTimeUtc(store.SidFile(id)) + StartGrace > DateTime.UtcNow
                ? new JobState(id, JobPhase.Accepted, 0, null, service)
                : Fail(id, service, "The job stopped unexpectedly: its worker never started.");
        if (worker.IsAlive)
        {
            var (percent, message) = store.Progress(id);
            return new JobState(id, JobPhase.Running, percent, message, service);
        }
        // The worker may have finished between the two reads.
        if (store.Ending(id) is { } late)
            return Ended(id, late, service);
        // Whatever the worker started must not run on (and write the job's files) after it failed.
        ProcessSignals.SignalSession(worker, ProcessSignals.Kill);
        return Fail(id, service,
            $"The job stopped unexpectedly: its worker (process {worker.Pid.ToString(CultureInfo.InvariantCulture)}) is gone.");
    }

    /// <summary>Ends the job as failed: its .res, and a 1.0.0 status document that says so (a 2.0.0 job's failure is its GetResult).</summary>
    public JobState Fail(string id, string? service, string reason)
    {
        if (service is not null && store.ReadDocument(store.ResponseFile(service, id)) is { } document
            && StatusDocuments.HasStatus(document))
            store.WriteResponse(service, id, StatusDocuments.WithFailure(document, service, reason));
        store.Finish(id, service ?? "", succeeded: false, reason);
        return new JobState(id, JobPhase.Failed, 100, reason, service);
    }

    private static JobState Ended(string id, (bool Succeeded, string? Message) ending, string? service) =>
        new(id, ending.Succeeded ? JobPhase.Succeeded : JobPhase.Failed, 100, ending.Message, service);
}
