using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Submission;

/// <summary>A job Slurm accepted, and the session its submission opened: still connected, for the job's wait and completion.</summary>
public sealed record SubmissionResult(SubmittedJob Job, ClusterSession Session);
