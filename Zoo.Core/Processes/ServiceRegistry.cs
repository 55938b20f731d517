using System.IO.Enumeration;
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
    private const int MaxNamespaceDepth = 16;

    private readonly string _root = Path.GetFullPath(servicePath);

    public static ServiceRegistry For(MainConfig config) => new(config.ServicePath, config.Document["include"]);

    /// <summary>Every service: [include] entries, then the tree in name order (ZOO lists in directory order).</summary>
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
        foreach (var entry in Scan(_root, "", 0))
        {
            if (!included.Contains(entry.FilePath))
                yield return entry;
        }
    }

    /// <summary>The service an identifier names, or null when there is none (or the identifier is not well-formed).</summary>
    public ServiceEntry? Find(string identifier)
    {
        var segments = identifier.Split('.');
        if (segments.Length > MaxNamespaceDepth + 1 || !segments.All(IsSafeSegment))
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
        return Entries(directory)
            .Where(e => !e.IsDirectory && e.Name.EndsWith(Extension, StringComparison.Ordinal)
                        && e.Name[..^Extension.Length].Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(e => new ServiceEntry(e.Name[..^Extension.Length], Path.Combine(directory, e.Name), prefix))
            .FirstOrDefault();
    }

    /// <summary>A namespace or service name: letters, digits, '_' and '-' only, so it never leaves its directory.</summary>
    public static bool IsSafeSegment(string segment) =>
        segment.Length is > 0 and <= MaxSegmentLength
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static IEnumerable<ServiceEntry> Scan(string directory, string prefix, int depth)
    {
        var entries = Entries(directory)
            .Where(e => !e.Name.StartsWith('.'))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var (name, isDirectory, stamp) in entries)
        {
            var path = Path.Join(directory, name);
            if (isDirectory)
            {
                if (depth >= MaxNamespaceDepth || name.Contains('.') || !IsSafeSegment(name))
                    continue;
                foreach (var nested in Scan(path, prefix + name + ".", depth + 1))
                    yield return nested;
            }
            else if (name.EndsWith(Extension, StringComparison.Ordinal) && name.Length > Extension.Length)
            {
                yield return new ServiceEntry(name[..^Extension.Length], path, prefix, stamp);
            }
        }
    }

    /// <summary>
    /// Names and kinds straight from the directory listing; service files also get their stamp
    /// (one stat each), which the header cache compares.
    /// </summary>
    private static IEnumerable<(string Name, bool IsDirectory, FileStamp Stamp)> Entries(string directory) =>
        new FileSystemEnumerable<(string, bool, FileStamp)>(directory,
            (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory,
                !entry.IsDirectory && entry.FileName.EndsWith(Extension, StringComparison.Ordinal)
                    ? new FileStamp(entry.LastWriteTimeUtc.UtcTicks, entry.Length)
                    : default),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true });
}
