using Zoo.Core.Configuration;
using Zoo.Hpc.Completion;

namespace FinalizeHpc.Cgi.Mail;

/// <summary>
/// <c>--maildir DIR</c>: every new mail of the maildir, oldest first. A handled mail (finalized, or nothing to do)
/// moves to <c>cur/</c>, so a second pass never sees it; one that can never be handled moves to <c>failed/</c> with
/// its reason; one to try again later stays in <c>new/</c>. Handling the same mail twice finalizes once: the job
/// has already ended, or no longer waits.
/// </summary>
internal static class MaildirMode
{
    public static async Task<int> RunAsync(MainConfig? config, string directory, TextWriter log)
    {
        if (config is null)
            return MailPolicy.NoConfiguration;
        if (!Directory.Exists(Path.Combine(directory, "new")))
        {
            log.WriteLine($"FinalizeHPC --maildir: {directory} is not a maildir (no new/ directory)");
            return MailPolicy.NoConfiguration;
        }
        var maildir = new Maildir(directory);
        var failures = 0;
        foreach (var message in maildir.NewMessages())
        {
            MailResult result;
            try
            {
                var stream = File.OpenRead(message.Path);
                await using (stream.ConfigureAwait(false))
                    result = await MailFinalization.HandleAsync(config, stream, log, CancellationToken.None).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                // another pass took it meanwhile
                continue;
            }
            log.WriteLine($"FinalizeHPC --maildir: {message.Name}: {result.Disposition.ToString().ToLowerInvariant()}: {result.Reason}");
            switch (result.Disposition)
            {
                case MailDisposition.Finalized or MailDisposition.Ignored:
                    maildir.MarkHandled(message);
                    break;
                case MailDisposition.Failed:
                    maildir.MarkFailed(message, result.Reason);
                    failures++;
                    break;
            }
        }
        return MailPolicy.ExitStatusOfMaildirPass(failures);
    }
}
