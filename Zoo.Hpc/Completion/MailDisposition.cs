namespace Zoo.Hpc.Completion;

/// <summary>What became of one Slurm mail handed to FinalizeHPC (<c>--mail</c>, <c>--maildir</c>).</summary>
public enum MailDisposition
{
    /// <summary>The worker of the job it names was told.</summary>
    Finalized,
    /// <summary>Nothing to do: not a Slurm end mail, not a ZOO job of this server, or a job already finalized.</summary>
    Ignored,
    /// <summary>
    /// Not now: another finalization runs, or (the worker's socket being out of reach) the cluster or sacct did not
    /// answer, or sacct does not list the job yet.
    /// </summary>
    Retry,
    /// <summary>It can never be handled (a broken configuration): set aside with the reason.</summary>
    Failed,
}
