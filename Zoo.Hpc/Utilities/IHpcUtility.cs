using Zoo.Core.Processes;

namespace Zoo.Hpc.Utilities;

/// <summary>One of ZOO's HPC helper services (<c>wps_hpc.zo</c>), built in: what it answers to one run.</summary>
public interface IHpcUtility
{
    /// <summary>The service names (the .zcfg's section name) it serves.</summary>
    IReadOnlyList<string> ServiceNames { get; }

    Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken);
}
