using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Jobs;
using Zoo.Core.OgcApi.Jobs;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Operations;

/// <summary><c>GET /jobs/{jobID}</c>: the statusInfo of a job, whichever API started it.</summary>
public static class JobStatus
{
    public static CgiResponse Answer(ApiContext context, string id) => JsonResponse.Build(context, 200, Document(context, id));

    /// <summary>The statusInfo of a job the store knows (also the body of an asynchronous execute's 201, and what subscribers get).</summary>
    /// <exception cref="ApiException">NoSuchJob: the id is not a job id, or no job has it.</exception>
    public static JsonObject Document(ApiContext context, string id)
    {
        // A malformed id never names a file.
        if (!JobId.IsWellFormed(id) || context.Config.TmpPath is not { Length: > 0 } tmpPath
            || JobViewReader.Read(new JobStore(tmpPath), id) is not { } job)
            throw ApiException.NoSuchJob(id);
        return StatusInfo.Build(context, job);
    }
}
