using Zoo.Core.Files;

namespace Zoo.Hpc.Remote;

/// <summary>
/// Paths on the cluster, which is POSIX whatever the kernel runs on. ZOO joins a directory and a file
/// name that still carries its slash (<c>&lt;dir&gt;//&lt;file&gt;</c>); we join with exactly one.
/// </summary>
public static class RemotePath
{
    /// <summary>The file in the directory.</summary>
    /// <exception cref="ArgumentException">the directory is empty, or the name is empty, <c>.</c>, <c>..</c>, or holds a <c>/</c> or NUL: it would leave the directory.</exception>
    public static string Combine(string directory, string fileName)
    {
        if (!FileNames.IsPlain(fileName))
            throw new ArgumentException($"not a plain file name: \"{fileName}\"", nameof(fileName));
        if (directory.Length == 0)
            throw new ArgumentException("no directory given", nameof(directory));
        return directory.TrimEnd('/') + "/" + fileName;
    }

    /// <summary>The last component of a remote path.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
