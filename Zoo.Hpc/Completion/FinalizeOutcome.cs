using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>What FinalizeHPC found and did: the job's accounting row, and whether its waiting worker got the notice.</summary>
/// <param name="WorkerNotified">False when nobody listened on the job's socket (its worker polls sacct and finds the end itself).</param>
public sealed record FinalizeOutcome(string Usid, SacctRecord Record, bool WorkerNotified);
