using Zoo.Core.Processes;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// The runner for <c>serviceType=C</c> services of <c>serviceProvider=wps_hpc.zo</c>: ZOO's HPC helper services,
/// built in, so that an installation's existing .zcfg files and the clients that call them keep working unchanged.
/// Any other C service goes to <paramref name="others"/> (the .zo runner), or cannot run here when there is none.
/// </summary>
public sealed class HpcUtilityRunner(IReadOnlyList<IHpcUtility> utilities, IProcessRunner? others = null) : IProcessRunner
{
    public const string ServiceProvider = "wps_hpc.zo";

    public Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var process = run.Process;
        var utility = string.Equals(process.ServiceProvider, ServiceProvider, StringComparison.Ordinal)
            ? utilities.FirstOrDefault(u => u.ServiceNames.Contains(process.Name, StringComparer.Ordinal))
            : null;
        if (utility is null && others is not null)
            return others.RunAsync(run, cancellationToken);
        if (utility is null)
        {
            var names = utilities.SelectMany(u => u.ServiceNames).ToList();
            return Task.FromResult(new RunOutcome(null, run.Conf, run.Outputs, $"The C service {process.Name} ({process.ServiceProvider}) cannot run here: "
                + $"of the C services, only {string.Join(", ", names)} of {ServiceProvider} are built in."));
        }
        return utility.RunAsync(run, cancellationToken);
    }

    /// <summary>Ends a run failed with ZOO's message, as a C service does (<c>[lenv] message</c>, SERVICE_FAILED).</summary>
    public static RunOutcome Failed(ServiceRun run, string message)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lenv = run.Conf.GetOrAdd("lenv");
        lenv["status"] = "failed";
        lenv["message"] = message;
        return new RunOutcome(RunOutcome.Failed, run.Conf, run.Outputs, null);
    }

    /// <summary>Ends a run succeeded with its one literal output <c>Result</c>.</summary>
    public static RunOutcome Succeeded(ServiceRun run, string result)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Outputs.GetOrAdd("Result")["value"] = result;
        return new RunOutcome(RunOutcome.Succeeded, run.Conf, run.Outputs, null);
    }
}
