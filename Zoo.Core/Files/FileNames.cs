namespace Zoo.Core.Files;

/// <summary>
/// File names taken from requests (or from files others can write): joined to a directory, a plain name stays in it,
/// so no <c>../</c>, absolute path or NUL (which the C library would cut the path at) leads anywhere else.
/// </summary>
public static class FileNames
{
    /// <summary>True for a name that is not empty, not <c>.</c> nor <c>..</c>, and holds no <c>/</c> nor NUL.</summary>
    public static bool IsPlain(string? name) =>
        name is { Length: > 0 } and not ("." or "..") && !name.Contains('/') && !name.Contains('\0');
}
