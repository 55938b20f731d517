using Zoo.Core.Processes;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// Checks an install: reads it (<see cref="InstallReader"/>), then runs Zoo.Core's checks and those the CGI entry adds
/// for its other runtimes, each on everything that could be read, so that one run reports every problem.
/// </summary>
/// <param name="runners">the kernel's runtimes, built as the CGI builds them (the known serviceTypes are theirs).</param>
/// <param name="checks">the checks of the runtimes Zoo.Core does not know (HPC).</param>
public sealed class ConfigChecker(Func<MainConfig, RunnerCatalog> runners, IReadOnlyList<IConfigCheck> checks)
{
    private static readonly IConfigCheck[] CoreChecks =
    [
        new DirectoriesCheck(),
        new UrlsCheck(),
        new OasConfigCheck(),
        new ServiceTypesCheck(),
        new PythonServicesCheck(),
        new TmpUrlProbe(),
    ];

    /// <returns>every finding, main.cfg's first, then by file and line.</returns>
    public async Task<IReadOnlyList<Finding>> CheckAsync(string mainPath, AccessRights access, bool offline, CancellationToken cancellationToken)
    {
        var findings = new FindingList();
        if (InstallReader.Read(mainPath, runners, access, offline, findings) is { } context)
        {
            foreach (var check in CoreChecks.Concat(checks))
                await check.CheckAsync(context, findings, cancellationToken).ConfigureAwait(false);
        }
        return findings.Sorted(Path.GetFullPath(mainPath));
    }
}
