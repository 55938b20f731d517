using Zoo.Core.Callback;
using Zoo.Core.Cgi;
using Zoo.Core.Jobs;
using Zoo.Core.Publishing;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Wps.Operations;

/// <summary>WPS 2.0.0 GetStatus, GetResult and Dismiss of a job started asynchronously.</summary>
public static class JobOperations
{
    public static OperationAnswer GetStatus(WpsRequestContext context)
    {
        var (store, id) = Job(context);
        var state = new JobMonitor(store).State(id);
        return new OperationAnswer.Document(state.Phase == JobPhase.Running
            ? StatusInfoWriter.Build(id, "Running", state.Percent, state.Message)
            : StatusInfoWriter.Build(id, state.Phase.ToString()));
    }

    public static OperationAnswer GetResult(WpsRequestContext context)
    {
        var (store, id) = Job(context);
        var state = new JobMonitor(store).State(id);
        if (state.Phase is JobPhase.Accepted or JobPhase.Running)
            throw ResultNotReady(id, "The service is currently running.");
        var document = state.ServiceName is { } service ? store.ReadDocument(store.ResponseFile(service, id)) : null;
        // A job whose worker died has no result document: its failure is the answer.
        if (document is null && state.Phase == JobPhase.Failed)
            throw new WpsException("NoApplicableCode", null, state.Message ?? "No more information available");
        if (document is null)
            throw ResultNotReady(id, "The service ends but it still needs to produce the outputs.");
        return new OperationAnswer.Raw(CgiResponse.Xml("200 OK", document + "\n", context.Config.Encoding,
            context.Config.ExtraHeaders));
    }

    /// <summary>
    /// Stops a running job's worker and everything it started, then removes every file of the job (its mapfiles and
    /// published data in dataPath too). The worker is
    /// asked first (SIGTERM), so that it can cancel what runs elsewhere for the job, such as its Slurm job; what
    /// is still there after that, anything of the job's session, is killed.
    /// </summary>
    /// <remarks>
    /// The callback service hears of the dismissal (7_1) from the worker of a running job; of a job that had
    /// already ended, from this request, which then waits for it at most <c>[callback] timeout</c>, as ZOO's does.
    /// </remarks>
    public static async Task<OperationAnswer> DismissAsync(WpsRequestContext context)
    {
        var (store, id) = Job(context);
        await DismissJobAsync(context.Config, context.Cgi.Environment, context.Log, store, id);
        return new OperationAnswer.Document(StatusInfoWriter.Build(id, "Dismissed"));
    }

    /// <summary>Dismisses a known job, whichever API asks: stops what runs, tells the callback service, deletes its files.</summary>
    /// <exception cref="WpsException">a file of the job could not be removed.</exception>
    public static async Task DismissJobAsync(Configuration.MainConfig config, IReadOnlyDictionary<string, string> cgiEnvironment,
        TextWriter log, JobStore store, string id)
    {
        if (store.Worker(id) is { } worker && store.Ending(id) is null)
        {
            ProcessSignals.SignalProcess(worker, ProcessSignals.Terminate);
            WaitUntilGone(worker, StopGrace);
            ProcessSignals.SignalSession(worker, ProcessSignals.Kill);
            WaitUntilGone(worker, KillGrace);
        }
        else if (store.ServiceName(id) is { } service
                 && CallbackSenders.For(config, service, cgiEnvironment, log) is { } sender)
        {
            await using (sender)
                new JobCallbacks(sender, id).Send(CallbackStep.ErrorOrDismiss, CallbackState.Ended,
                    StepPayloads.Ended(DismissedMessage, dismissed: true));
        }
        try
        {
            var dataPath = config.Main["dataPath"];
            foreach (var file in store.FilesOf(id).Concat(dataPath is { Length: > 0 } ? PublishedFiles.OfJob(dataPath, id) : []))
                File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"zoo_loader: Dismiss {id}: {e.Message}");
            throw new WpsException("NoApplicableCode", null, "The job cannot be removed, a file cannot be removed");
        }
    }

    /// <summary>What a dismissed job says, to GetStatus and to the callback service.</summary>
    public const string DismissedMessage = "The job was dismissed.";

    // Long enough for a worker to reach its cluster over SSH and run scancel.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    private static void WaitUntilGone(ProcessIdentity worker, TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        while (worker.IsAlive && DateTime.UtcNow < deadline)
            Thread.Sleep(10);
    }

    /// <summary>The job a request names; a malformed or unknown id never touches a file.</summary>
    private static (JobStore Store, string Id) Job(WpsRequestContext context)
    {
        var id = context.Request.Parameters["JobID"]?.Trim() ?? "";
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath || !JobId.IsWellFormed(id) || !new JobStore(tmpPath).Exists(id))
            throw new WpsException("NoSuchJob", id,
                "The JobID from the request does not match any of the Jobs running on this server");
        return (new JobStore(tmpPath), id);
    }

    private static WpsException ResultNotReady(string id, string detail) =>
        new("ResultNotReady", id, $"The result for the requested JobID has not yet been generated. {detail}");
}
