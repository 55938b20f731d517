namespace Zoo.Integration.Tests.Support;

/// <summary>
/// A throw-away copy of a CGI directory (main.cfg and services) for one test class, with tmpPath and
/// cacheDir pointing inside it, so that tests never share or leave state.
/// </summary>
public sealed class ServiceDirectory : IDisposable
{
    private ServiceDirectory(string path) => Path = path;

    public string Path { get; }

    public string TmpPath => System.IO.Path.Combine(Path, "tmp");

    /// <summary>Copies <paramref name="source"/> (cgi-env or a fixture) and points its tmpPath/cacheDir inside the copy.</summary>
    public static ServiceDirectory CopyOf(string source)
    {
        var path = Directory.CreateTempSubdirectory("zoo-it-").FullName;
        CopyTree(source, path);
        var directory = new ServiceDirectory(path);
        Directory.CreateDirectory(directory.TmpPath);
        var config = System.IO.Path.Combine(path, "main.cfg");
        var lines = File.ReadAllLines(config).Select(line =>
            line.StartsWith("tmpPath=", StringComparison.Ordinal) ? "tmpPath=" + directory.TmpPath
            : line.StartsWith("cacheDir=", StringComparison.Ordinal) ? "cacheDir=" + directory.TmpPath
            : line);
        File.WriteAllLines(config, lines);
        return directory;
    }

    public void Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static void CopyTree(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (!file.Contains("__pycache__", StringComparison.Ordinal))
                File.Copy(file, file.Replace(source, target, StringComparison.Ordinal));
        }
    }
}
