namespace Zoo.Hpc.Completion;

/// <summary>
/// How the mail modes of FinalizeHPC.cgi answer: what a failed finalization makes of the mail, and the exit status
/// the program ends with. <c>--mail</c> is run by an MTA (an alias pipe, a <c>.forward</c>), which reads the exit status
/// as sysexits.h defines it: 0 delivered, 75 (EX_TEMPFAIL) keep the mail and deliver it again later, anything else
/// bounce it. <c>--maildir</c> is run by cron or a path unit, where the status is for the operator.
/// </summary>
public static class MailPolicy
{
    /// <summary>The mail is done with: its job was finalized, or it needed nothing.</summary>
    public const int Done = 0;

    /// <summary>A mail (or a maildir pass) that could not be handled and never will be: the job's configuration is broken.</summary>
    public const int Failed = 1;

    /// <summary>EX_TEMPFAIL: the MTA keeps the mail and hands it over again later.</summary>
    public const int TryAgainLater = 75;

    /// <summary>EX_CONFIG: main.cfg is missing or unreadable (or the maildir is none): no mail can be handled until an operator acts.</summary>
    public const int NoConfiguration = 78;

    /// <summary>An end mail whose finalization failed: nothing to do for a job that is not (or no longer) waiting.</summary>
    public static MailDisposition DispositionOf(FinalizeFailure failure) => failure switch
    {
        FinalizeFailure.UnknownJob or FinalizeFailure.AlreadyEnded => MailDisposition.Ignored,
        FinalizeFailure.Temporary => MailDisposition.Retry,
        _ => MailDisposition.Failed,
    };

    /// <summary>The exit status of <c>--mail</c> for its one mail.</summary>
    public static int ExitStatusOf(MailDisposition disposition) => disposition switch
    {
        MailDisposition.Finalized or MailDisposition.Ignored => Done,
        MailDisposition.Retry => TryAgainLater,
        _ => Failed,
    };

    /// <summary>The exit status of a <c>--maildir</c> pass: mails to retry stay in <c>new/</c> and are not failures.</summary>
    public static int ExitStatusOfMaildirPass(int failedMails) => failedMails == 0 ? Done : Failed;
}
