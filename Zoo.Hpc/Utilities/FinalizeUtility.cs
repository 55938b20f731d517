using Zoo.Core.Configuration;
using Zoo.Core.Processes;
using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// FinalizeHPC and FinalizeHPC1: input <c>JobId</c> is the ZOO job id of a waiting HPC job (called by the Slurm mail
/// pipe, a job script footer, a callback poller); output <c>Result</c> is ZOO's text once the job is finalized.
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
            var outcome = await new Finalizer(config, log).FinalizeAsync(usid, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (!outcome.Record.IsTerminal)
                return HpcUtilityRunner.Failed(run, $"The Slurm job {outcome.Record.JobId} is still {outcome.Record.State}: "
                    + "the waiting job was told and follows it until Slurm records its end.");
            return HpcUtilityRunner.Succeeded(run, Finalizer.SuccessResult);
        }
        catch (FinalizeException e)
        {
            return HpcUtilityRunner.Failed(run, e.Message);
        }
    }
}
