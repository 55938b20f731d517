using Zoo.Core.Configuration.Checking;
using Zoo.Hpc.Description;

namespace Zoo.Hpc.Settings.Checking;

/// <summary>
/// The keys of the HPC sections against those the readers look for (<see cref="SectionKeys"/>, so the list is theirs):
/// <c>remote_persitent_data_path</c>, the spelling of ZOO's documentation, is read and said to be; a key within two
/// edits of a known one (or starting within two edits of a prefix read whole, <c>sbatch_options_</c>) is most likely
/// that key misspelt, and ignored; any other is ignored too.
/// </summary>
internal static class HpcKeysCheck
{
    private const int MisspellingDistance = 2;

    public static void Check(CheckContext context, FindingList findings, IReadOnlyList<HpcInspection> inspections)
    {
        var known = new Dictionary<string, SectionKeys>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, keys) in inspections.SelectMany(i => i.KeysRead))
        {
            if (!known.TryGetValue(section, out var merged))
                known[section] = merged = new SectionKeys();
            merged.Add(keys);
        }
        // Read by the HPC runner when it presents a service, not by the settings.
        foreach (var confId in inspections.Select(i => i.ConfId))
        {
            if (known.TryGetValue(confId, out var keys))
                keys.Read(HpcDescription.NestedOutputsKey);
        }

        foreach (var (section, keys) in known)
        {
            var values = context.Config.Document[section];
            foreach (var (key, _) in values)
            {
                var place = context.InMain(section, key);
                if (string.Equals(key, HpcSettings.MisspelledPersistentDataPath, StringComparison.OrdinalIgnoreCase))
                {
                    if (values[HpcSettings.PersistentDataPath] is { Length: > 0 })
                        findings.Warning(place, $"is ignored: {HpcSettings.PersistentDataPath} is also set, and wins");
                    else
                        findings.Notice(place, $"ZOO's documented misspelling of {HpcSettings.PersistentDataPath}, read as it");
                }
                else if (!keys.Knows(key))
                {
                    var candidates = keys.Names.Where(name => !string.Equals(name, HpcSettings.MisspelledPersistentDataPath, StringComparison.OrdinalIgnoreCase));
                    if (EditDistance.Nearest(key, candidates, MisspellingDistance) is { } likely)
                        findings.Warning(place, $"is not a key of this section, most likely {likely} misspelt: it is ignored");
                    else if (keys.Prefixes.FirstOrDefault(prefix => key.Length > prefix.Length
                                 && EditDistance.Between(key[..prefix.Length], prefix) <= MisspellingDistance) is { } prefix)
                        findings.Warning(place, $"is not a key of this section, most likely {prefix}<option> misspelt: it is ignored");
                    else
                        findings.Notice(place, "is not a key of this section: it is ignored");
                }
            }
        }
    }
}
