using System.Buffers.Text;
using System.Text;

namespace Zoo.Hpc.Remote;

/// <summary>
/// What the download command of <see cref="ClusterConnection"/> prints: the remote file's size in bytes on a line of
/// its own, then, when the file is small enough to come that way, sha256sum's line for it (<c>&lt;hex&gt;  -</c>) and
/// the file itself; nothing more when it is not.
/// </summary>
/// <param name="Sha256">The file's SHA-256 (lower-case hex) when the file came, else null.</param>
internal readonly record struct SmallFile(long Size, string? Sha256, byte[] Content)
{
    private const int HexLength = 64;
    private static readonly byte[] StandardInputMark = "  -\n"u8.ToArray();

    /// <summary>The size, and the checksum and the file when they follow; null when the output is not shaped so.</summary>
    public static SmallFile? Read(ReadOnlySpan<byte> output)
    {
        var newline = output.IndexOf((byte)'\n');
        if (newline <= 0 || !Utf8Parser.TryParse(output[..newline], out long size, out var consumed) || consumed != newline || size < 0)
            return null;
        var rest = output[(newline + 1)..];
        if (rest.IsEmpty)
            return new SmallFile(size, null, []);
        var checksumLine = HexLength + StandardInputMark.Length;
        if (rest.Length < checksumLine || !rest[HexLength..checksumLine].SequenceEqual(StandardInputMark))
            return null;
        var hex = Encoding.ASCII.GetString(rest[..HexLength]);
        if (!hex.All(char.IsAsciiHexDigit))
            return null;
        return new SmallFile(size, hex.ToLowerInvariant(), rest[checksumLine..].ToArray());
    }
}
