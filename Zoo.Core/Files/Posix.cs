using System.Runtime.InteropServices;

namespace Zoo.Core.Files;

/// <summary>
/// The few POSIX calls .NET does not offer and the kernel needs to touch a shared directory safely:
/// <c>open</c> with <c>O_NOFOLLOW</c>, <c>O_EXCL</c> and <c>O_NONBLOCK</c>, and the file type from <c>fstat</c>; and, for
/// <c>--check-config</c>, <c>faccessat</c> and a file's owner from <c>stat</c>.
/// Flag values and the <c>struct stat</c> layout are those of Linux on x86-64 and AArch64, the two
/// platforms the kernel is published for.
/// </summary>
internal static partial class Posix
{
    public const int ReadOnly = 0x0;
    public const int WriteOnly = 0x1;
    public const int ReadWrite = 0x2;
    public const int Create = 0x40;
    public const int Exclusive = 0x80;
    public const int Append = 0x400;
    public const int NonBlock = 0x800;
    public const int CloseOnExec = 0x80000;
    public static readonly int NoFollow = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

    public const int NoSuchFile = 2;
    public const int FileExists = 17;
    public const int TooManyLinks = 40;

    private const uint FileTypeMask = 0xF000;
    private const uint RegularFile = 0x8000;

    // st_mode follows st_dev, st_ino and st_nlink on x86-64; on AArch64 it comes before st_nlink.
    private static readonly int ModeOffset = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16 : 24;
    private const int StatBufferBytes = 256;

    /// <returns>the descriptor, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>.</returns>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int FileStatus(int descriptor, [Out] byte[] buffer);

    public const int MayRead = 4;
    public const int MayWrite = 2;
    public const int MaySearch = 1;

    private const int CurrentDirectory = -100;
    private const int EffectiveIds = 0x200;

    [LibraryImport("libc", EntryPoint = "faccessat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AccessAt(int directory, string path, int mode, int flags);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PathStatus(string path, [Out] byte[] buffer);

    /// <summary>
    /// Whether this process may read, write or search the path (<see cref="MayRead"/>... combined), as the kernel would
    /// find when it tries: its effective user and groups, ACLs and read-only mounts included.
    /// </summary>
    public static bool Allows(string path, int mode) => AccessAt(CurrentDirectory, path, mode, EffectiveIds) == 0;

    /// <summary>The permission bits, owner and group of the path (a link followed), or null when it cannot be looked at.</summary>
    public static (uint Mode, uint Owner, uint Group)? Ownership(string path)
    {
        var buffer = new byte[StatBufferBytes];
        if (PathStatus(path, buffer) != 0)
            return null;
        // st_uid and st_gid follow st_mode on x86-64; on AArch64 st_nlink comes between.
        var owner = ModeOffset + (RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 8 : 4);
        return (BitConverter.ToUInt32(buffer, ModeOffset), BitConverter.ToUInt32(buffer, owner), BitConverter.ToUInt32(buffer, owner + 4));
    }

    /// <summary>True when the descriptor is a regular file (not a FIFO, device, socket or directory).</summary>
    public static bool IsRegularFile(int descriptor)
    {
        var buffer = new byte[StatBufferBytes];
        if (FileStatus(descriptor, buffer) != 0)
            return false;
        var mode = BitConverter.ToUInt32(buffer, ModeOffset);
        return (mode & FileTypeMask) == RegularFile;
    }
}
