namespace Zoo.Hpc.Completion;

/// <summary>Why a job could not be finalized, and whether trying again later may work.</summary>
public sealed class FinalizeException(string message, FinalizeFailure failure) : Exception(message)
{
    public FinalizeFailure Failure { get; } = failure;
}

/// <summary>The kinds of finalize failures: the mail path acts on them differently (ignore, retry, give up).</summary>
public enum FinalizeFailure
{
    /// <summary>No such job here (not a ZOO job id, or its files are gone).</summary>
    UnknownJob,
    /// <summary>The job has already ended: finalizing it again does nothing.</summary>
    AlreadyEnded,
    /// <summary>The cluster or sacct did not answer, or does not list the job yet: try again later.</summary>
    Temporary,
    /// <summary>The job's configuration is broken: trying again will not help.</summary>
    Permanent,
}
