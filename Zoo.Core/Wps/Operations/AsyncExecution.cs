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
        try
        {
            var worker = DetachedLauncher.Launch(Path.GetFullPath(context.Config.FilePath), job.Id, Environment.CurrentDirectory);
            store.MarkRunning(job.Id, worker.Identity);
            using (worker.Input)
                WorkerRequest.Write(worker.Input, context.Cgi, context.Config);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            context.Log.WriteLine($"zoo_loader: the worker of job {job.Id} could not be started: {e.Message}");
            // No worker means no job: nothing may be left that reports Accepted forever.
            if (store.Worker(job.Id) is { } started)
                ProcessSignals.SignalSession(started, ProcessSignals.Kill);
            foreach (var file in store.FilesOf(job.Id))
                File.Delete(file);
            throw new WpsException("NoApplicableCode", null, "ZOO Kernel failed to start the asynchronous execution of your request.");
        }
        return new OperationAnswer.Document(answer);
    }
}
