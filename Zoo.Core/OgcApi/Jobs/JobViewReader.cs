using Zoo.Core.Jobs;

namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// Reads a job from the files WPS uses too (<c>.sid</c>, <c>_lenv.cfg</c>, <c>.res</c>, <c>.pid</c>, <c>.status</c>),
/// each once. A job that ended needs its <c>.res</c> and its lenv (for the process id) and nothing else, which keeps a
/// list of many finished jobs cheap; one that has not ended is left to <see cref="JobMonitor"/>, which also fails it
/// when its worker died.
/// </summary>
public static class JobViewReader
{
    public const string AcceptedMessage = "ZOO-Kernel accepted to run your service!";
    public const string SucceededMessage = "ZOO-Kernel successfully run your service!";
    public const string NoMessage = "No message provided";
    public const string FailedWithoutMessage = "The service failed to execute.";

    /// <summary>The job, or null when the store does not know it (no <c>.sid</c>).</summary>
    public static JobView? Read(JobStore store, string id)
    {
        var sid = new FileInfo(store.SidFile(id));
        return sid.Exists ? Read(store, id, sid.LastWriteTimeUtc) : null;
    }

    /// <summary>The job whose <c>.sid</c> was written then, or null when it was dismissed meanwhile.</summary>
    public static JobView? Read(JobStore store, string id, DateTime sidWritten)
    {
        var created = ToSecond(sidWritten);
        var processId = ProcessId(store, id);
        if (store.Ending(id) is { } ending)
            return Ended(store, id, processId, created, ending.Succeeded, ending.Message);
        // JobMonitor would record a job whose files were just deleted as failed, leaving a stray .res behind.
        if (!File.Exists(store.SidFile(id)))
            return null;
        var state = new JobMonitor(store).State(id);
        return state.Phase switch
        {
            JobPhase.Accepted => new JobView(id, processId, JobStatusCode.Accepted, 0, AcceptedMessage, created, null, null, null),
            JobPhase.Running => new JobView(id, processId, JobStatusCode.Running, state.Percent,
                string.IsNullOrEmpty(state.Message) ? NoMessage : state.Message, created, created, null, LastProgress(store, id) ?? created),
            _ => Ended(store, id, processId, created, state.Phase == JobPhase.Succeeded, state.Message),
        };
    }

    private static JobView Ended(JobStore store, string id, string? processId, DateTime created, bool succeeded, string? message)
    {
        var finished = ToSecond(File.GetLastWriteTimeUtc(store.ResultStateFile(id)));
        return succeeded
            ? new JobView(id, processId, JobStatusCode.Successful, 100, SucceededMessage, created, created, finished, finished)
            : new JobView(id, processId, JobStatusCode.Failed, null, string.IsNullOrEmpty(message) ? FailedWithoutMessage : message,
                created, created, finished, finished);
    }

    /// <summary>The id the client asked (<c>oIdentifier</c>, e.g. <c>hpc.BandMath</c>), else the service's own name.</summary>
    private static string? ProcessId(JobStore store, string id) =>
        store.Lenv(id) is { } lenv
            ? lenv["oIdentifier"] is { Length: > 0 } asked ? asked : lenv["Identifier"] is { Length: > 0 } name ? name : null
            : null;

    /// <summary>When the service last reported progress, else when its worker started.</summary>
    private static DateTime? LastProgress(JobStore store, string id)
    {
        foreach (var path in new[] { store.StatusFile(id), store.PidFile(id) })
        {
            var file = new FileInfo(path);
            if (file.Exists)
                return ToSecond(file.LastWriteTimeUtc);
        }
        return null;
    }

    private static DateTime ToSecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
