using System.Runtime.InteropServices;

namespace Zoo.Core.Files;

/// <summary>
/// Advisory <c>flock(2)</c> locks: they belong to the open file, so a holder that dies releases its lock, and a lock
/// is taken on the file already opened (never through a link), not on a name that could change in between.
/// </summary>
public static partial class FileLock
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int WouldBlock = 11;

    /// <summary>Takes an exclusive lock on the open file without waiting: false when another open file holds one.</summary>
    /// <exception cref="IOException">the file cannot be locked at all.</exception>
    public static bool TryExclusive(FileStream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Flock(file.SafeFileHandle, LockExclusive | LockNonBlocking) == 0)
            return true;
        var error = Marshal.GetLastPInvokeError();
        if (error == WouldBlock)
            return false;
        throw new IOException($"cannot lock {file.Name}: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(Microsoft.Win32.SafeHandles.SafeFileHandle descriptor, int operation);
}
