using Zoo.Core.Configuration;
using Zoo.Core.Processes;

namespace Zoo.Hpc.Completion;

/// <summary>
/// The FinalizeHPC and FinalizeHPC1 services of ZOO's HPC helpers (<c>serviceType=C</c>,
/// <c>serviceProvider=wps_hpc.zo</c>), built in, so that an installation's existing .zcfg files and the clients
/// that call them (the Slurm mail daemon, a job script footer, a callback poller) keep working unchanged: input
/// <c>JobId</c> is the ZOO job id; output <c>Result</c> is ZOO's text once the job is finalized. Any other C
/// service cannot run here.
/// </summary>
public sealed class FinalizeRunner(MainConfig config, TextWriter log) : IProcessRunner
{
    public const string ServiceProvider = "wps_hpc.zo";

    public static readonly IReadOnlyList<string> ServiceNames = ["FinalizeHPC", "FinalizeHPC1"];

    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var process = run.Process;
        if (!string.Equals(process.ServiceProvider, ServiceProvider, StringComparison.Ordinal)
            || !ServiceNames.Contains(process.Name, StringComparer.Ordinal))
            return new RunOutcome(null, run.Conf, run.Outputs, $"The C service {process.Name} ({process.ServiceProvider}) cannot run here: "
                + $"of the C services, only {string.Join(" and ", ServiceNames)} of {ServiceProvider} are built in.");
        var lenv = run.Conf.GetOrAdd("lenv");
        var usid = run.Inputs["JobId"]?.Text("value")?.Trim() ?? "";
        try
        {
            var outcome = await new Finalizer(config, log).FinalizeAsync(usid, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (!outcome.Record.IsTerminal)
                return Failed(run, lenv, $"The Slurm job {outcome.Record.JobId} is still {outcome.Record.State}: "
                    + "the waiting job was told and follows it until Slurm records its end.");
            run.Outputs.GetOrAdd("Result")["value"] = Finalizer.SuccessResult;
            return new RunOutcome(RunOutcome.Succeeded, run.Conf, run.Outputs, null);
        }
        catch (FinalizeException e)
        {
            return Failed(run, lenv, e.Message);
        }
    }

    private static RunOutcome Failed(ServiceRun run, ZooMap lenv, string message)
    {
        lenv["status"] = "failed";
        lenv["message"] = message;
        return new RunOutcome(RunOutcome.Failed, run.Conf, run.Outputs, null);
    }
}
