using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Processes;

/// <summary>Runs one service of the serviceType it is registered for (Python, HPC, ...).</summary>
public interface IProcessRunner
{
    Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken);

    /// <summary>
    /// The service as clients see it, in every answer and for Execute: what its .zcfg says, unless the runner
    /// adds what it does (the job control it offers, the inner outputs of its outputs...).
    /// </summary>
    ProcessDescription Present(ProcessDescription process) => process;
}
