using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>Where Slurm's accounting says a job is.</summary>
public interface IJobAccounting
{
    /// <summary>The job's accounting row, or null while sacct does not list it (yet).</summary>
    Task<SacctRecord?> QueryAsync(string slurmJobId, CancellationToken cancellationToken);

    /// <summary>
    /// The job's accounting row, asked once Slurm holds the job as ended, or after <paramref name="within"/> at the
    /// latest (then it may still say the job runs); for a job whose end is near.
    /// </summary>
    Task<SacctRecord?> QueryOnceEndedAsync(string slurmJobId, TimeSpan within, CancellationToken cancellationToken);
}
