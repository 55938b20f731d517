using System.Buffers.Text;

namespace Zoo.Hpc.Remote;

/// <summary>
/// What the download command of <see cref="ClusterConnection"/> prints: the remote file's size in bytes on a line of
/// its own, then, when the file is small enough to come that way, the file itself (nothing else when it is not).
/// </summary>
internal readonly record struct SmallFile(long Size, byte[] Content)
{
    /// <summary>The size and what follows it, or null when the output does not start with a size line.</summary>
    public static SmallFile? Read(ReadOnlySpan<byte> output)
    {
        var newline = output.IndexOf((byte)'\n');
        if (newline <= 0 || !Utf8Parser.TryParse(output[..newline], out long size, out var consumed) || consumed != newline || size < 0)
            return null;
        return new SmallFile(size, output[(newline + 1)..].ToArray());
    }
}
