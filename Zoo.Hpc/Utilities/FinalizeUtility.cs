using Zoo.Core.Configuration;
using Zoo.Core.Processes;
using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// FinalizeHPC and FinalizeHPC1: input <c>JobId</c> is the ZOO job id of a waiting HPC job (called by the Slurm mail
/// pipe, a job script footer, a callback poller); output <c>Result</c> is ZOO's text once the job's worker has been
/// told. That is a success whatever Slurm says of the job at that moment: a footer calls from inside the job, which
/// is still running then, and the worker follows it to its end (answering that as a failure gave every normal end an
/// HTTP 500 in the web server's log).
/// </summary>
public sealed class FinalizeUtility(MainConfig config, TextWriter log) : IHpcUtility
{
    public IReadOnlyList<string> ServiceNames { get; } = ["FinalizeHPC", "FinalizeHPC1"];

    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var usid = run.Inputs["JobId"]?.Text("value")?.Trim() ?? "";
        try
        {
            await new Finalizer(config, log).FinalizeAsync(usid, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            return HpcUtilityRunner.Succeeded(run, Finalizer.SuccessResult);
        }
        catch (FinalizeException e)
        {
            return HpcUtilityRunner.Failed(run, e.Message);
        }
    }
}
