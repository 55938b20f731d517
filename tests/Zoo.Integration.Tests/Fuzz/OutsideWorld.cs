using System.Security.Cryptography;
using System.Text;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>
/// What lies outside the service directory and must stay as it is: a sentinel directory in /tmp holding a
/// secret file (requests try to read it by path, file:// reference, entity, cache_file) and a file that must
/// keep its content and time; and the names requests try to create outside tmpPath (<see cref="EscapeName"/>,
/// reached by traversal in identifiers, extensions, job ids, storage paths). The paths are fixed, so that
/// the requests are the same in every run of a seed.
/// </summary>
public sealed class OutsideWorld
{
    public const string SentinelDirectory = "/tmp/zoo-fuzz-sentinel";
    public const string SecretFile = SentinelDirectory + "/secret.txt";
    public const string SecretMarker = "ZOO-FUZZ-SECRET-7c1e";
    public const string EscapeName = "zoo-fuzz-escape";

    private static readonly string TouchedFile = Path.Combine(SentinelDirectory, "untouched.txt");
    private readonly ServiceDirectory _services;
    private readonly IReadOnlyList<string> _serviceFiles;
    private readonly string _sentinelState;

    private OutsideWorld(ServiceDirectory services)
    {
        _services = services;
        _serviceFiles = ServiceFiles(services);
        _sentinelState = SentinelState();
    }

    /// <summary>Lays out the sentinel directory, removes what an earlier failed run may have left, and records the state.</summary>
    public static OutsideWorld Prepare(ServiceDirectory services)
    {
        if (Directory.Exists(SentinelDirectory))
            Directory.Delete(SentinelDirectory, recursive: true);
        Directory.CreateDirectory(SentinelDirectory);
        File.WriteAllText(SecretFile, SecretMarker + "\n");
        File.WriteAllText(TouchedFile, "must stay as it is " + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "\n");
        foreach (var stale in EscapedFiles(services))
            File.Delete(stale);
        return new OutsideWorld(services);
    }

    public static void Remove()
    {
        if (Directory.Exists(SentinelDirectory))
            Directory.Delete(SentinelDirectory, recursive: true);
    }

    /// <summary>Everything that changed outside tmpPath since <see cref="Prepare"/>, one line each.</summary>
    public IReadOnlyList<string> Changes()
    {
        var changes = new List<string>();
        if (SentinelState() != _sentinelState)
            changes.Add($"{SentinelDirectory} changed: before [{_sentinelState}], after [{SentinelState()}]");
        var now = ServiceFiles(_services);
        changes.AddRange(_serviceFiles.Except(now).Select(f => $"service directory: {f.Split(' ')[0]} changed or vanished"));
        changes.AddRange(now.Except(_serviceFiles).Select(f => $"service directory: {f.Split(' ')[0]} appeared or changed"));
        changes.AddRange(EscapedFiles(_services).Select(f => $"a file a request named exists outside tmpPath: {f}"));
        return changes;
    }

    /// <summary>Files named after <see cref="EscapeName"/> anywhere a traversal from tmpPath, the service directory or / could put them.</summary>
    private static IEnumerable<string> EscapedFiles(ServiceDirectory services)
    {
        var shallow = new[] { "/", "/tmp", "/etc", Path.GetDirectoryName(services.Path)!, RepositoryPaths.Dist, Environment.CurrentDirectory };
        var found = shallow.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFileSystemEntries(d, $"*{EscapeName}*", new EnumerationOptions { IgnoreInaccessible = true }));
        var deep = Directory.EnumerateFileSystemEntries(services.Path, $"*{EscapeName}*",
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(path => !IsUnder(path, services.TmpPath));
        return found.Concat(deep).Where(path => !IsUnder(path, services.TmpPath)).Distinct().ToList();
    }

    /// <summary>The service directory's own files (not tmpPath): name, hash and time.</summary>
    private static IReadOnlyList<string> ServiceFiles(ServiceDirectory services) =>
        DirectorySnapshot.Take(services.Path, path => !IsUnder(path, services.TmpPath));

    private static string SentinelState()
    {
        if (!Directory.Exists(SentinelDirectory))
            return "(directory gone)";
        var state = new StringBuilder();
        foreach (var entry in Directory.EnumerateFileSystemEntries(SentinelDirectory).Order(StringComparer.Ordinal))
        {
            state.Append(Path.GetFileName(entry));
            if (File.Exists(entry))
                state.Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)))[..16])
                    .Append(' ').Append(File.GetLastWriteTimeUtc(entry).Ticks);
            state.Append("; ");
        }
        return state.ToString();
    }

    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal) || path == directory;
}
