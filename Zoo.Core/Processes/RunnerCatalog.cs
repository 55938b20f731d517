using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Processes;

/// <summary>
/// The runner for each serviceType. Zoo.Core registers none itself: the CGI entry decides which
/// runtimes exist (Python, and HPC from Zoo.Hpc), so the core knows nothing of what runs a job.
/// </summary>
public sealed class RunnerCatalog(IReadOnlyDictionary<string, IProcessRunner> runners)
{
    public static RunnerCatalog Empty { get; } = new(new Dictionary<string, IProcessRunner>());

    /// <summary>The serviceTypes a runner takes, as registered (<c>--check-config</c> reports any other).</summary>
    public IEnumerable<string> ServiceTypes => runners.Keys;

    public IProcessRunner? Find(string? serviceType) =>
        serviceType is not null
        && runners.FirstOrDefault(r => r.Key.Equals(serviceType, StringComparison.OrdinalIgnoreCase)).Value is { } runner
            ? runner
            : null;

    /// <summary>The service as its runner presents it (as its .zcfg says when no runner takes its serviceType).</summary>
    public ProcessDescription Present(ProcessDescription process) =>
        Find(process.ServiceType)?.Present(process) ?? process;
}
