using Zoo.Core.Execution;
using Zoo.Core.Jobs;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Wps.Operations;

/// <summary>
/// An asynchronous Execute: the job's files are written, a detached worker is started and handed the request,
/// and the client is answered at once (1.0.0 ProcessAccepted with statusLocation, 2.0.0 StatusInfo Accepted).
/// The worker is recorded before the answer, so a job never waits on a worker nobody knows of.
/// </summary>
public static class AsyncExecution
{
    public static OperationAnswer Accept(WpsRequestContext context, ExecuteCall call, JobIdentity job)
    {
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath || !Directory.Exists(tmpPath))
            throw new WpsException("InternalError", null, "Asynchronous execution needs an existing tmpPath in main.cfg.");
        var store = new JobStore(tmpPath);
        store.Create(job.Id, job.Osid);
        store.WriteLenv(job.Id, Execute.JobLenv(call, job.Id, isAsync: true));
        var version = context.Request.Version;
        var answer = version.IsV1
            ? ExecuteResponseWriter.Build(call.Identifier, call.Process, new ExecuteStatus.Accepted(), call.Request,
                context.ServiceUrl, StatusLocation.For(context, call.Process.Name, job.Id), context.Request.Language,
                DateTimeOffset.UtcNow)
            : StatusInfoWriter.Build(job.Id, "Accepted");
        if (version.IsV1)
            store.WriteResponse(call.Process.Name, job.Id, Xml.XmlFormatter.Document(answer, context.Config.Encoding));
        Launch(context, store, job.Id);
        return new OperationAnswer.Document(answer);
    }

    /// <summary>
    /// Starts the job's worker and hands it the request. No worker means no job: if it cannot start, nothing is left
    /// that reports Accepted forever.
    /// </summary>
    public static void Launch(WpsRequestContext context, JobStore store, string jobId)
    {
        try
        {
            var worker = DetachedLauncher.Launch(Path.GetFullPath(context.Config.FilePath), jobId, Environment.CurrentDirectory);
            store.MarkRunning(jobId, worker.Identity);
            using (worker.Input)
                WorkerRequest.Write(worker.Input, context.Cgi, context.Config);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            context.Log.WriteLine($"zoo_loader: the worker of job {jobId} could not be started: {e.Message}");
            if (store.Worker(jobId) is { } started)
                ProcessSignals.SignalSession(started, ProcessSignals.Kill);
            foreach (var file in store.FilesOf(jobId))
                File.Delete(file);
            throw new WpsException("NoApplicableCode", null, "ZOO Kernel failed to start the asynchronous execution of your request.");
        }
    }
}
