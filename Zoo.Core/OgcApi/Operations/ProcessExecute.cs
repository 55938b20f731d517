using Zoo.Core.Cgi;
using Zoo.Core.Execution;
using Zoo.Core.Jobs;
using Zoo.Core.OgcApi.Execution;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.Wps.Operations;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>
/// <c>POST /processes/{id}/execution</c>: runs the process here and answers its results (a document, or raw), or
/// starts a job, as a WPS 2.0.0 asynchronous Execute does, and answers 201 with its status and <c>Location</c>.
/// </summary>
public static class ProcessExecute
{
    public static async Task<CgiResponse> AnswerAsync(ApiContext context, string id, CancellationToken cancellationToken)
    {
        var job = JobIdentity.New();
        var execution = ApiExecution.Read(context, id, job.Id);
        var wps = ApiExecution.WpsContext(context, id);
        if (execution.Async)
            return Accept(context, wps, execution, job);
        try
        {
            var outputs = await Wps.Operations.Execute.RunAsync(wps, execution.Call, job, context.Runners, isAsync: false, cancellationToken);
            var results = ResultsDocument.Build(outputs);
            return execution.Response == ResponseKind.Raw
                ? RawResults.Build(context, results)
                : JsonResponse.Build(context, 200, results);
        }
        finally
        {
            execution.Call.Files.DeleteAll();
        }
    }

    private static CgiResponse Accept(ApiContext context, WpsRequestContext wps, ApiExecuteCall execution, JobIdentity job)
    {
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath || !Directory.Exists(tmpPath))
            throw new ApiException("InternalError", 500, "Asynchronous execution needs an existing tmpPath in main.cfg.");
        var store = new JobStore(tmpPath);
        store.Create(job.Id, job.Osid);
        store.WriteLenv(job.Id, Wps.Operations.Execute.JobLenv(execution.Call, job.Id, isAsync: true));
        store.WriteApiRequest(job.Id, execution.Response == ResponseKind.Raw ? "raw" : "document");
        // The job as the client first sees it, accepted: taken before its worker can start running it.
        var accepted = JobStatus.Document(context, job.Id);
        AsyncExecution.Launch(wps, store, job.Id);
        var headers = new List<KeyValuePair<string, string>> { new("Location", context.Href("jobs", job.Id)) };
        if (execution.AsyncPreferred)
            headers.Add(new("Preference-Applied", "respond-async"));
        return JsonResponse.Build(context, 201, accepted, headers);
    }
}
