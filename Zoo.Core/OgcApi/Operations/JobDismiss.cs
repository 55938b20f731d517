using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Jobs;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.Wps.Operations;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>
/// <c>DELETE /jobs/{id}</c>: dismisses the job as WPS 2.0.0's Dismiss does (a running job is stopped with everything it
/// started, a finished one too: ZOO's issue 92), then answers its last status, dismissed. The job is gone afterwards.
/// </summary>
public static class JobDismiss
{
    public const string Message = "ZOO-Kernel successfully dismissed your service!";

    public static async Task<CgiResponse> AnswerAsync(ApiContext context, string id)
    {
        var store = JobFiles.Store(context, id);
        var processId = JobFiles.ProcessId(store, id);
        await JobOperations.DismissJobAsync(context.Config, context.Cgi.Environment, context.Log, store, id);
        var status = new JsonObject
        {
            ["jobID"] = id,
            ["type"] = "process",
        };
        if (processId is not null)
            status["processID"] = processId;
        status["status"] = "dismissed";
        status["message"] = Message;
        status["updated"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        status["links"] = new JsonArray(new JsonObject
        {
            ["href"] = context.Href("jobs"),
            ["rel"] = "up",
            ["type"] = "application/json",
            ["title"] = "The job list",
        });
        return JsonResponse.Build(context, 200, status);
    }
}
