using System.Security.Cryptography;

namespace Zoo.Core.Files;

/// <summary>
/// Writes a file under a temporary name and renames it into place, so that a reader (a client polling a
/// status document, a request served from the cache) sees the old content or the new, never half of either.
/// The temporary name is hidden and unpredictable and is created exclusively, so nobody can plant a link
/// there for the kernel to write through; the rename replaces whatever sits at the final name, a link
/// included, without following it.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode = SafeFile.Public)
    {
        using var file = Create(path, mode);
        file.Stream.Write(content);
        file.Commit();
    }

    public static void Write(string path, string content, UnixFileMode mode = SafeFile.Public) =>
        Write(path, System.Text.Encoding.UTF8.GetBytes(content), mode);

    /// <summary>A file to fill by streaming; it appears at <paramref name="path"/> on <see cref="Writer.Commit"/>, and not at all otherwise.</summary>
    public static Writer Create(string path, UnixFileMode mode = SafeFile.Public)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        return new Writer(path, temporary, SafeFile.CreateNew(temporary, mode));
    }

    /// <summary>The temporary file being written; disposed without a commit, it is removed.</summary>
    public sealed class Writer(string path, string temporary, FileStream stream) : IDisposable
    {
        private bool _committed;

        public FileStream Stream => stream;

        public string Path => path;

        public void Commit()
        {
            stream.Flush();
            stream.Dispose();
            File.Move(temporary, path, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            stream.Dispose();
            if (!_committed)
                File.Delete(temporary);
        }
    }
}
