using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>Where Slurm's accounting says a job is.</summary>
public interface IJobAccounting
{
    /// <summary>The job's accounting row, or null while sacct does not list it (yet).</summary>
    Task<SacctRecord?> QueryAsync(string slurmJobId, CancellationToken cancellationToken);
}
