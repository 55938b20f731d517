namespace Zoo.Core.Processes;

/// <summary>Runs one service of the serviceType it is registered for (Python, HPC, ...).</summary>
public interface IProcessRunner
{
    Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken);
}
