using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Checking;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Settings.Checking;

/// <summary>
/// The HPC part of <c>--check-config</c>, plugged in by the CGI entry as it plugs in the HPC runner: each confId section
/// an HPC service names (and <c>[HPC]</c>, which the built-in DeployOnHpc uses), read by <see cref="HpcSettings"/> as a
/// job would read it; their keys (<see cref="HpcKeysCheck"/>); the local files they name (<see cref="HpcFilesCheck"/>);
/// and, online, the cluster (<see cref="ClusterCheck"/>).
/// </summary>
public sealed class HpcConfigCheck(IClusterConnectionFactory connections) : IConfigCheck
{
    public const string ServiceType = "HPC";

    public async Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var services = context.Services
            .Where(s => string.Equals(s.Process.ServiceType, ServiceType, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var namedBy = new Dictionary<string, List<CheckedService>>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in services)
        {
            try
            {
                var confId = HpcService.From(service.Process).ConfId;
                if (!namedBy.TryGetValue(confId, out var list))
                    namedBy[confId] = list = [];
                list.Add(service);
            }
            catch (ConfigurationException)
            {
                findings.Error(service.At("serviceProvider"), "is missing: an HPC service needs the command to run on the cluster");
            }
        }
        if (context.Config.Document.HasSection(HpcSettings.DefaultConfId))
            namedBy.TryAdd(HpcSettings.DefaultConfId, []);

        var inspections = namedBy.Keys.Select(confId => HpcSettings.Inspect(context.Config, confId)).ToList();
        ReportProblems(context, findings, inspections, namedBy);
        HpcKeysCheck.Check(context, findings, inspections);
        var configurations = inspections.SelectMany(i => i.Configurations).DistinctBy(c => c.SectionName, StringComparer.OrdinalIgnoreCase).ToList();
        HpcFilesCheck.Check(context, findings, configurations);
        if (!context.Offline)
            await new ClusterCheck(connections).CheckAsync(context, findings, configurations, cancellationToken).ConfigureAwait(false);
    }

    private static void ReportProblems(CheckContext context, FindingList findings, IEnumerable<HpcInspection> inspections,
        Dictionary<string, List<CheckedService>> namedBy)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var inspection in inspections)
        {
            foreach (var problem in inspection.Problems.Where(p => reported.Add(p.Text)))
            {
                if (problem.Key is not null)
                    findings.Error(context.InMain(problem.Section, problem.Key), problem.Detail);
                else if (namedBy.TryGetValue(problem.Section, out var services) && services.Count > 0)
                {
                    foreach (var service in services)
                        findings.Error(service.At("confId"), $"[{problem.Section}] is not a section of main.cfg: the service cannot run");
                }
                else
                    findings.Error(context.InMain(problem.Section), problem.Detail);
            }
        }
    }
}
