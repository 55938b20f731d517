using System.Text;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Writes large request bodies to files piece by piece, so that a test streams megabytes to the CGI without ever
/// holding them: a prefix, a piece repeated, a suffix.
/// </summary>
public static class BodyFiles
{
    public static string Write(string directory, string name, string prefix, string piece, long times, string suffix) =>
        Write(directory, name, prefix, (piece, times), suffix);

    /// <summary>The prefix, each (piece, times) in turn, then the suffix.</summary>
    public static string Write(string directory, string name, string prefix, (string Piece, long Times) repeated, string suffix,
        params (string Piece, long Times)[] more)
    {
        var path = Path.Combine(directory, name);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(Encoding.UTF8.GetBytes(prefix));
        foreach (var (piece, times) in more.Prepend(repeated))
        {
            var bytes = Encoding.UTF8.GetBytes(piece);
            // Whole blocks of about 1 MiB, then the rest one by one.
            var perBlock = Math.Max(1, (1 << 20) / Math.Max(1, bytes.Length));
            var block = new byte[bytes.Length * perBlock];
            for (var i = 0; i < perBlock; i++)
                bytes.CopyTo(block, i * bytes.Length);
            var left = times;
            while (left >= perBlock)
            {
                file.Write(block);
                left -= perBlock;
            }
            for (; left > 0; left--)
                file.Write(bytes);
        }
        file.Write(Encoding.UTF8.GetBytes(suffix));
        return path;
    }

    /// <summary>A directory for body files inside a test's service directory copy (removed with it).</summary>
    public static string DirectoryIn(Support.ServiceDirectory services) =>
        Directory.CreateDirectory(Path.Combine(services.Path, "bodies")).FullName;
}
