namespace Zoo.Core.Configuration.Checking;

/// <summary>The findings of one run of the checks, in the order they were made.</summary>
public sealed class FindingList
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> All => _findings;

    public bool HasErrors => _findings.Any(f => f.Severity == Severity.Error);

    public void Error(Place place, string message) => _findings.Add(new Finding(Severity.Error, place, message));

    public void Warning(Place place, string message) => _findings.Add(new Finding(Severity.Warning, place, message));

    public void Notice(Place place, string message) => _findings.Add(new Finding(Severity.Notice, place, message));

    /// <summary>By file, then line, each file's findings in the order made; main.cfg's first, as everything follows from it.</summary>
    public IReadOnlyList<Finding> Sorted(string mainFile) =>
        _findings.Select((finding, order) => (finding, order))
            .OrderBy(f => f.finding.Place.File == mainFile ? 0 : 1)
            .ThenBy(f => f.finding.Place.File, StringComparer.Ordinal)
            .ThenBy(f => f.finding.Place.Line)
            .ThenBy(f => f.order)
            .Select(f => f.finding)
            .ToList();
}
