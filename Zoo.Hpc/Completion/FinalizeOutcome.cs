using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>How FinalizeHPC told a job's waiting worker, and what sacct said when FinalizeHPC had to ask it.</summary>
/// <param name="Record">The job's accounting row, written to its <c>[henv]</c> file; null when the socket told the worker, which asks sacct itself.</param>
public sealed record FinalizeOutcome(string Usid, FinalizeNotice Notice, SacctRecord? Record);

/// <summary>The way a finalization reached the job's worker.</summary>
public enum FinalizeNotice
{
    /// <summary>Over the worker's socket, at once.</summary>
    Socket,
    /// <summary>Through <c>exec_status_&lt;usid&gt;</c>, which the worker watches: its socket was out of reach (another front-end).</summary>
    StatusFile,
}
