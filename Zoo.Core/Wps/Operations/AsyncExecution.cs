using Zoo.Core.Execution;
using Zoo.Core.Jobs;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Wps.Operations;

/// <summary>
/// An asynchronous Execute: the job's files are written, a detached worker is started, and the
/// client is answered at once (1.0.0 ProcessAccepted with statusLocation, 2.0.0 StatusInfo Accepted).
/// </summary>
public static class AsyncExecution
{
    public static OperationAnswer Accept(WpsRequestContext context, ExecuteCall call)
    {
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath || !Directory.Exists(tmpPath))
            throw new WpsException("InternalError", null, "Asynchronous execution needs an existing tmpPath in main.cfg.");
        var store = new JobStore(tmpPath);
        var job = JobIdentity.New();
        store.Create(job.Id, job.Osid, SavedRequest.Serialize(context.Cgi));
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
            DetachedLauncher.Launch(Path.GetFullPath(context.Config.FilePath), job.Id, Environment.CurrentDirectory);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // No worker means no job: nothing may be left that reports Accepted forever.
            foreach (var file in store.FilesOf(job.Id))
                File.Delete(file);
            throw;
        }
        return new OperationAnswer.Document(answer);
    }
}
