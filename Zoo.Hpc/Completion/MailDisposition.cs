namespace Zoo.Hpc.Completion;

/// <summary>What became of one Slurm mail handed to FinalizeHPC (<c>--mail</c>, <c>--maildir</c>).</summary>
public enum MailDisposition
{
    /// <summary>The job it names was finalized.</summary>
    Finalized,
    /// <summary>Nothing to do: not a Slurm end mail, not a ZOO job of this server, or a job already finalized.</summary>
    Ignored,
    /// <summary>Not now: the cluster or sacct did not answer, Slurm does not record the end yet, or another finalization runs.</summary>
    Retry,
    /// <summary>It can never be handled (a broken configuration): set aside with the reason.</summary>
    Failed,
}
