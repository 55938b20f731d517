using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Zoo.Core.Files;

/// <summary>
/// Opens files in directories others can write to (tmpPath, cacheDir, allowedPaths) without being led
/// elsewhere: a symbolic link planted at the last component is never followed, a FIFO or a device is never
/// waited on (the request would hang), and a new file is always a new inode (<c>O_EXCL</c>), so a planted
/// name makes the creation fail instead of writing through it.
/// </summary>
public static class SafeFile
{
    public const UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>An existing regular file, for reading.</summary>
    /// <exception cref="FileNotFoundException">there is no such file.</exception>
    /// <exception cref="IOException">it is a symbolic link, not a regular file, or cannot be opened.</exception>
    public static FileStream OpenRead(string path) =>
        Open(path, Posix.ReadOnly | Posix.NonBlock, 0, FileAccess.Read);

    /// <summary>A file that did not exist, created with the given permissions (before the umask).</summary>
    /// <exception cref="IOException">the name is taken (by anything, a link included), or the file cannot be created.</exception>
    public static FileStream CreateNew(string path, UnixFileMode mode = Public, FileAccess access = FileAccess.Write) =>
        Open(path, (access == FileAccess.Write ? Posix.WriteOnly : Posix.ReadWrite) | Posix.Create | Posix.Exclusive, (uint)mode, access);

    /// <summary>A regular file opened for reading and writing, created when missing (a download to resume).</summary>
    public static FileStream OpenOrCreate(string path, UnixFileMode mode = Public) =>
        Open(path, Posix.ReadWrite | Posix.Create | Posix.NonBlock, (uint)mode, FileAccess.ReadWrite);

    /// <summary>A regular file opened for appending, created when missing (a log).</summary>
    public static FileStream OpenAppend(string path, UnixFileMode mode = Private) =>
        Open(path, Posix.WriteOnly | Posix.Create | Posix.Append | Posix.NonBlock, (uint)mode, FileAccess.Write);

    /// <summary>The whole content of a regular file, refused when it holds more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="FileNotFoundException">there is no such file.</exception>
    /// <exception cref="IOException">not a regular file, unreadable, or too large.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        // Straight from the handle: a FileStream's set-up costs three more system calls, and lists read a file a job.
        using var handle = OpenHandle(path, Posix.ReadOnly | Posix.NonBlock, 0);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
            throw new IOException($"{path} holds more than {maxBytes} bytes");
        var content = new byte[length];
        for (var read = 0; read < content.Length;)
        {
            var count = RandomAccess.Read(handle, content.AsSpan(read), read);
            if (count == 0)
                throw new EndOfStreamException($"{path} ended before its {length} bytes");
            read += count;
        }
        return content;
    }

    /// <summary>The text of a small regular file, trimmed; null when the file does not exist.</summary>
    public static string? ReadTextOrNull(string path, long maxBytes)
    {
        try
        {
            return Encoding.UTF8.GetString(ReadAllBytes(path, maxBytes)).Trim();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static FileStream Open(string path, int flags, uint mode, FileAccess access) =>
        new(OpenHandle(path, flags, mode), access, bufferSize: 0);

    private static SafeFileHandle OpenHandle(string path, int flags, uint mode)
    {
        var descriptor = Posix.Open(path, flags | Posix.NoFollow | Posix.CloseOnExec, mode);
        if (descriptor < 0)
            throw Failure(path, Marshal.GetLastPInvokeError());
        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (!Posix.IsRegularFile(descriptor))
        {
            handle.Dispose();
            throw new IOException($"{path} is not a regular file");
        }
        return handle;
    }

    private static IOException Failure(string path, int error) => error switch
    {
        Posix.NoSuchFile => new FileNotFoundException($"{path} does not exist", path),
        Posix.TooManyLinks => new IOException($"{path} is a symbolic link"),
        Posix.FileExists => new IOException($"{path} already exists"),
        _ => new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)}"),
    };
}
