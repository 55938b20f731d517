using Zoo.Core.Configuration;

namespace Zoo.Core.Processes;

/// <summary>
/// The services under servicePath, the way ZOO finds them: every <c>.zcfg</c> file, sub-directories
/// (names without a dot) as namespaces <c>dir.sub.Name</c>, hidden entries skipped, and [include]
/// entries first. An identifier is checked segment by segment before any file is touched.
/// </summary>
public sealed class ServiceRegistry(string servicePath, ConfigValues includes)
{
    private const string Extension = ".zcfg";
    private const int MaxSegmentLength = 255;

    private readonly string _root = Path.GetFullPath(servicePath);

    public static ServiceRegistry For(MainConfig config) => new(config.ServicePath, config.Document["include"]);

    /// <summary>Every service: [include] entries, then the tree in name order.</summary>
    public IEnumerable<ServiceEntry> All()
    {
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, path) in includes)
        {
            if (File.Exists(path))
            {
                included.Add(Path.GetFullPath(path));
                yield return new ServiceEntry(name, Path.GetFullPath(path), "");
            }
        }
        foreach (var entry in Scan(_root, ""))
        {
            if (!included.Contains(entry.FilePath))
                yield return entry;
        }
    }

    /// <summary>The service an identifier names, or null when there is none (or the identifier is not well-formed).</summary>
    public ServiceEntry? Find(string identifier)
    {
        var segments = identifier.Split('.');
        if (!segments.All(IsSafeSegment))
            return null;
        var name = segments[^1];
        if (segments.Length == 1)
        {
            foreach (var (includedName, path) in includes)
            {
                if (includedName.Equals(name, StringComparison.OrdinalIgnoreCase) && File.Exists(path))
                    return new ServiceEntry(includedName, Path.GetFullPath(path), "");
            }
        }
        var directory = Path.Combine([_root, .. segments[..^1]]);
        if (!Directory.Exists(directory))
            return null;
        var prefix = string.Concat(segments[..^1].Select(s => s + "."));
        var exact = Path.Combine(directory, name + Extension);
        if (File.Exists(exact))
            return new ServiceEntry(name, exact, prefix);
        // ZOO matches the file name without regard to case.
        return Directory.EnumerateFiles(directory, "*" + Extension)
            .Where(f => Path.GetFileNameWithoutExtension(f).Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(f => new ServiceEntry(Path.GetFileNameWithoutExtension(f), f, prefix))
            .FirstOrDefault();
    }

    /// <summary>A namespace or service name: letters, digits, '_' and '-' only, so it never leaves its directory.</summary>
    public static bool IsSafeSegment(string segment) =>
        segment.Length is > 0 and <= MaxSegmentLength
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static IEnumerable<ServiceEntry> Scan(string directory, string prefix)
    {
        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .Where(e => !e.Name.StartsWith('.'))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo sub)
            {
                if (sub.Name.Contains('.') || !IsSafeSegment(sub.Name))
                    continue;
                foreach (var nested in Scan(sub.FullName, prefix + sub.Name + "."))
                    yield return nested;
            }
            else if (entry.Name.EndsWith(Extension, StringComparison.Ordinal))
            {
                yield return new ServiceEntry(Path.GetFileNameWithoutExtension(entry.Name), entry.FullName, prefix);
            }
        }
    }
}
