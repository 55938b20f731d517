namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// The Levenshtein distance of two keys, ignoring case as main.cfg does: how <c>--check-config</c> tells a misspelt
/// key (<c>ssh_hots</c>) from a key it does not know at all. Keys are short, so the plain two-row algorithm is enough.
/// </summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The candidate nearest to the key within <paramref name="limit"/> edits, or null when none is.</summary>
    public static string? Nearest(string key, IEnumerable<string> candidates, int limit = 2) =>
        candidates.Select(candidate => (candidate, distance: Between(key, candidate)))
            .Where(c => c.distance <= limit)
            .OrderBy(c => c.distance)
            .ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Select(c => c.candidate)
            .FirstOrDefault();
}
