using Zoo.Core.Configuration;

namespace Zoo.Hpc.Settings;

/// <summary>
/// What <see cref="HpcSettings.Inspect"/> found for one confId: the settings when complete, each configuration section
/// that reads whole (so that its files and its cluster can be checked even while the other is broken), every problem,
/// and the keys the readers looked for, by section.
/// </summary>
internal sealed record HpcInspection(
    string ConfId,
    HpcSettings? Settings,
    IReadOnlyList<ClusterConfiguration> Configurations,
    IReadOnlyList<ConfigProblem> Problems,
    IReadOnlyDictionary<string, SectionKeys> KeysRead);
