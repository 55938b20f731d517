namespace Zoo.Hpc.Completion;

/// <summary>
/// The machine a job's worker runs on, kept in the job's lenv (<c>worker_host</c>): FinalizeHPC may run on another
/// front-end that shares tmpPath (NFS) with this one, where neither the worker's process nor its socket can be seen,
/// and it must not take that for a job nobody waits for any more.
/// </summary>
public static class WorkerHost
{
    public const string LenvKey = "worker_host";

    /// <summary>This machine's host name.</summary>
    public static string Name => Environment.MachineName;

    /// <summary>Whether a job whose lenv names <paramref name="recorded"/> has its worker here (a job that names none does: it is older than the key).</summary>
    public static bool IsHere(string? recorded) => recorded is not { Length: > 0 } || string.Equals(recorded, Name, StringComparison.Ordinal);
}
