using Zoo.Core.Configuration;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Slurm;

namespace FinalizeHpc.Cgi.Mail;

/// <summary>
/// One Slurm mail in, one job finalized: the job name Slurm puts in the subject, <c>ZOO-Project_&lt;usid&gt;_&lt;service&gt;</c>,
/// names the ZOO job (the Slurm id alone does not). Only end mails count: a job that began is not finished.
/// </summary>
internal static class MailFinalization
{
    // Slurm mails as the job ends; its accounting may take a moment more to say so (when FinalizeHPC asks it itself,
    // the worker's socket being out of reach).
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private static readonly string[] EndEvents = ["Ended", "Failed"];

    public static async Task<MailResult> HandleAsync(MainConfig config, Stream message, TextWriter log, CancellationToken cancellationToken)
    {
        var mail = SlurmMail.Parse(message);
        if (mail is null)
            return new MailResult(MailDisposition.Ignored, "not a Slurm job mail");
        if (mail.Usid is not { } usid)
            return new MailResult(MailDisposition.Ignored, $"Slurm job {mail.SlurmJobId} ({mail.JobName}) is not a ZOO job");
        if (mail.State is null && !EndEvents.Contains(mail.Event, StringComparer.OrdinalIgnoreCase))
            return new MailResult(MailDisposition.Ignored, $"Slurm job {mail.SlurmJobId} {mail.Event}: not an end");
        try
        {
            var outcome = await new Finalizer(config, log).FinalizeAsync(usid, Settle, cancellationToken).ConfigureAwait(false);
            return new MailResult(MailDisposition.Finalized, outcome.Record is { } record
                ? $"job {usid} (Slurm job {record.JobId}, {record.State}): {HenvFile.FileName(usid)} written for its worker"
                : $"job {usid} (Slurm job {mail.SlurmJobId}): its worker was told");
        }
        catch (FinalizeException e)
        {
            return new MailResult(MailPolicy.DispositionOf(e.Failure), $"job {usid} (Slurm job {mail.SlurmJobId}): {e.Message}");
        }
    }
}
