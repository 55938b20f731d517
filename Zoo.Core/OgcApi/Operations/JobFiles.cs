using Zoo.Core.Jobs;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>The job a path names, in the store shared with WPS; a malformed or unknown id never touches a file.</summary>
public static class JobFiles
{
    /// <exception cref="ApiException">404 no-such-job.</exception>
    public static JobStore Store(ApiContext context, string id)
    {
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath || !JobId.IsWellFormed(id) || !new JobStore(tmpPath).Exists(id))
            throw ApiException.NoSuchJob(id);
        return new JobStore(tmpPath);
    }

    /// <summary>The process id the client asked for (a namespaced one whole), from the job's lenv.</summary>
    public static string? ProcessId(JobStore store, string id) => store.Lenv(id)?["oIdentifier"] ?? store.ServiceName(id);
}
