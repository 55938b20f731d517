using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Submission;

/// <summary>A job Slurm accepted: what its completion needs to find it, fetch its outputs and clean up after it.</summary>
/// <param name="SlurmJobId">The id sbatch printed.</param>
/// <param name="Configuration">The preview or fullres section it was submitted with.</param>
/// <param name="StagedInputs">Remote copies of its inputs that belong to this job alone (not the persistent ones).</param>
public sealed record SubmittedJob(
    string SlurmJobId,
    ClusterConfiguration Configuration,
    string RemoteScript,
    IReadOnlyList<RemoteOutput> Outputs,
    IReadOnlyList<string> StagedInputs);

