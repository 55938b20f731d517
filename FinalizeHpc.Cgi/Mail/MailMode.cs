using Zoo.Core.Configuration;
using Zoo.Hpc.Completion;

namespace FinalizeHpc.Cgi.Mail;

/// <summary>
/// <c>--mail</c>: one mail on stdin, as an MTA alias pipe or Slurm's MailProg delivers it. The exit status is
/// what an MTA understands (<see cref="MailPolicy"/>): 0 done (or nothing to do), 75 (EX_TEMPFAIL) try again later,
/// 1 give up, 78 (EX_CONFIG) no usable main.cfg.
/// </summary>
internal static class MailMode
{
    public static async Task<int> RunAsync(MainConfig? config, Stream message, TextWriter log)
    {
        if (config is null)
            return MailPolicy.NoConfiguration;
        var result = await MailFinalization.HandleAsync(config, message, log, CancellationToken.None).ConfigureAwait(false);
        log.WriteLine($"FinalizeHPC --mail: {result.Disposition.ToString().ToLowerInvariant()}: {result.Reason}");
        return MailPolicy.ExitStatusOf(result.Disposition);
    }
}
