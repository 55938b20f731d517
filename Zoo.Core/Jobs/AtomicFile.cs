namespace Zoo.Core.Jobs;

/// <summary>
/// Writes a file under a temporary name and renames it into place, so that a reader (a client
/// polling a status document) sees the old content or the new, never half of either.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            stream.Write(content);
        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(string path, string content) => Write(path, System.Text.Encoding.UTF8.GetBytes(content));
}
