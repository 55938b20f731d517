using System.Runtime.InteropServices;

namespace Zoo.Core.Files;

/// <summary>
/// The few POSIX calls .NET does not offer and the kernel needs to touch a shared directory safely:
/// <c>open</c> with <c>O_NOFOLLOW</c>, <c>O_EXCL</c> and <c>O_NONBLOCK</c>, and the file type from <c>fstat</c>.
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
