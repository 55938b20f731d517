using Zoo.Core.Configuration;

namespace FinalizeHpc.Cgi.Mail;

/// <summary>
/// <c>--mail</c>: one mail on stdin, as an MTA alias pipe or Slurm's MailProg delivers it. The exit status is
/// what an MTA understands: 0 done (or nothing to do), 75 (EX_TEMPFAIL) try again later, 1 give up.
/// </summary>
internal static class MailMode
{
    private const int TryAgainLater = 75;
    private const int ConfigurationError = 78;

    public static async Task<int> RunAsync(MainConfig? config, Stream message, TextWriter log)
    {
        if (config is null)
            return ConfigurationError;
        var result = await MailFinalization.HandleAsync(config, message, log, CancellationToken.None).ConfigureAwait(false);
        log.WriteLine($"FinalizeHPC --mail: {result.Disposition.ToString().ToLowerInvariant()}: {result.Reason}");
        return result.Disposition switch
        {
            MailDisposition.Finalized or MailDisposition.Ignored => 0,
            MailDisposition.Retry => TryAgainLater,
            _ => 1,
        };
    }
}
