using System.Security.Cryptography;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// Every file under a directory with its content hash and modification time, to show that an
/// operation left files it had no business with exactly as they were.
/// </summary>
public static class DirectorySnapshot
{
    /// <returns>"relative/path sha256 mtime-ticks", one entry per file, sorted.</returns>
    public static IReadOnlyList<string> Take(string root, Func<string, bool>? include = null) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => include?.Invoke(path) ?? true)
            .Select(path => $"{Path.GetRelativePath(root, path)} {Hash(path)} {File.GetLastWriteTimeUtc(path).Ticks}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Hash(string path)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (FileNotFoundException)
        {
            return "(vanished)";
        }
    }
}
