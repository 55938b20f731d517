namespace Zoo.Core.Data;

/// <summary>
/// Where a local path really leads. Components are followed one by one as the operating system does:
/// a symbolic link is replaced by its target before a following <c>..</c> is applied, so
/// <c>/allowed/link/../x</c> is judged where it really is.
/// </summary>
internal static class LocalPaths
{
    private const int MaxLinks = 40;

    /// <summary>The absolute path with every <c>.</c>, <c>..</c> and symbolic link of its existing part resolved.</summary>
    /// <exception cref="IOException">a loop of symbolic links.</exception>
    public static string Resolve(string path)
    {
        if (!Path.IsPathRooted(path))
            path = Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(path)!;
        var current = root;
        var pending = new Queue<string>(Components(path[root.Length..]));
        var links = 0;
        while (pending.TryDequeue(out var part))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Join(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
                throw new IOException("Too many levels of symbolic links.");
            if (Path.IsPathRooted(target))
            {
                root = Path.GetPathRoot(target)!;
                current = root;
                target = target[root.Length..];
            }
            pending = new Queue<string>(Components(target).Concat(pending));
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it (whole segments).</summary>
    public static bool IsUnder(string path, string directory)
    {
        var trimmed = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (trimmed.Length == 0)
            return Path.IsPathRooted(path);
        return path == trimmed
               || (path.StartsWith(trimmed, StringComparison.Ordinal) && path[trimmed.Length] == Path.DirectorySeparatorChar);
    }

    private static IEnumerable<string> Components(string relative) =>
        relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
