namespace FinalizeHpc.Cgi.Mail;

/// <summary>What became of one mail.</summary>
internal enum MailDisposition
{
    /// <summary>The job it names was finalized.</summary>
    Finalized,
    /// <summary>Nothing to do: not a Slurm end mail, not a ZOO job of this server, or a job already finalized.</summary>
    Ignored,
    /// <summary>Not now: the cluster or sacct did not answer, or Slurm does not record the end yet.</summary>
    Retry,
    /// <summary>It can never be handled (a broken configuration): set aside with the reason.</summary>
    Failed,
}

/// <summary>A mail's disposition and why, for the log and the maildir's failed folder.</summary>
internal sealed record MailResult(MailDisposition Disposition, string Reason);
