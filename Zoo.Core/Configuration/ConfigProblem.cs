namespace Zoo.Core.Configuration;

/// <summary>
/// One problem of a main.cfg section, for readers that collect every problem rather than stop at the first: the
/// sentence an error lists (<see cref="Text"/>, e.g. <c>[HPC] preview_conf is missing: ...</c>), and the section and key
/// it belongs to, so that a report can point at the line.
/// </summary>
/// <param name="Key">the key at fault; null when the problem is the section's (a section that is missing).</param>
public sealed record ConfigProblem(string Text, string Section, string? Key)
{
    /// <summary>The sentence without the <c>[section] key</c> it starts with, for reports that show the place apart.</summary>
    public string Detail
    {
        get
        {
            var place = Key is null ? $"[{Section}] " : $"[{Section}] {Key} ";
            return Text.StartsWith(place, StringComparison.OrdinalIgnoreCase) ? Text[place.Length..] : Text;
        }
    }
}
