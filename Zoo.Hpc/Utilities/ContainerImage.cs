namespace Zoo.Hpc.Utilities;

/// <summary>
/// Which values of DeployOnHpc's <c>image</c> input may reach the cluster: a <c>docker://</c>, <c>oras://</c> or
/// <c>library://</c> reference, or a path ending <c>.sif</c>, made of characters that mean nothing to a shell. ZOO
/// pastes the value unquoted into the command line; here it is quoted as well, but anyone may call the service, so a
/// value that is no image is refused before the cluster is even contacted.
/// </summary>
public static class ContainerImage
{
    public const string Refusal = "The image must be a docker://, oras:// or library:// reference, or a path ending .sif, "
        + "made of letters, digits and . _ - / (and : @ in a reference) only: no blanks, no shell characters, "
        + "no leading -, no ..";

    private static readonly string[] Schemes = ["docker://", "oras://", "library://"];

    // Longer than any registry reference in use; a bound on what reaches a log and a command line.
    private const int MaxLength = 512;

    private const string SifExtension = ".sif";

    public static bool IsAcceptable(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length is 0 or > MaxLength || image.Contains("..", StringComparison.Ordinal))
            return false;
        if (Schemes.FirstOrDefault(s => image.StartsWith(s, StringComparison.Ordinal)) is { } scheme)
            return IsReference(image[scheme.Length..]);
        return IsSifPath(image);
    }

    /// <summary>registry/name:tag or name@sha256:digest: it starts with a letter or digit, as every registry's names do.</summary>
    private static bool IsReference(string reference) =>
        reference.Length > 0 && char.IsAsciiLetterOrDigit(reference[0])
        && reference.All(c => IsPathCharacter(c) || c is ':' or '@');

    private static bool IsSifPath(string path) =>
        path.EndsWith(SifExtension, StringComparison.Ordinal)
        && path[(path.LastIndexOf('/') + 1)..].Length > SifExtension.Length
        && path[0] != '-'
        && path.All(IsPathCharacter);

    private static bool IsPathCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/';
}
