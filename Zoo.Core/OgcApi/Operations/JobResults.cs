using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Jobs;
using Zoo.Core.OgcApi.Execution;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>
/// <c>GET /jobs/{id}/results</c>: the results of a finished job, served directly (ZOO redirects to a static file):
/// the results document, or raw when the client asked so; a failed job's exception with its status; a job started
/// through WPS 1.0.0, which has no JSON results, its stored XML response.
/// </summary>
public static class JobResults
{
    public static CgiResponse Answer(ApiContext context, string id)
    {
        var store = JobFiles.Store(context, id);
        var state = new JobMonitor(store).State(id);
        if (state.Phase is JobPhase.Accepted or JobPhase.Running)
            throw new ApiException("ResultNotReady", 404, "The job is still running.");
        var stored = store.ReadDocument(store.ResultsFile(id)) is { } text ? Parse(text) : null;
        if (state.Phase == JobPhase.Failed)
            return Failure(context, stored, state.Message);
        if (stored is not null)
            return store.ApiResponse(id) == "raw" ? RawResults.Build(context, stored) : JsonResponse.Build(context, 200, stored);
        if (state.ServiceName is { } service && store.ReadDocument(store.ResponseFile(service, id)) is { } xml)
            return JsonResponse.Bytes(context, 200, Encoding.UTF8.GetBytes(xml + "\n"), $"text/xml; charset={context.Config.Encoding}");
        throw new ApiException("ResultNotReady", 404,
            "The result for the requested JobID has not yet been generated. The service ends but it still needs to produce the outputs.");
    }

    /// <summary>A failed job's stored exception with its own status, else one made of the reason its .res gives.</summary>
    private static CgiResponse Failure(ApiContext context, JsonObject? stored, string? reason)
    {
        if (stored is not null && stored["type"] is not null && stored["status"] is JsonValue status && status.TryGetValue<int>(out var code))
            return JsonResponse.Build(context, code, stored);
        throw new ApiException("NoApplicableCode", 500, reason ?? "The service failed to execute.");
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
