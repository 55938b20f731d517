using System.Buffers.Binary;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// The width and height of a TIFF's first image, read from the file's header (classic TIFF and BigTIFF, either byte
/// order): GDAL's GTiff driver opens that image as the dataset, so these are what gdalinfo reports. Sizing a GeoTIFF,
/// the commonest HPC input, then starts no GDAL tool, which took 80–100 ms of an idle machine (most of what a
/// submission costs here) and 440 ms at load 19. Anything else, or a first image that is a reduced-resolution copy or
/// a mask, or a header that does not hold together, gives null: GDAL reads those.
/// </summary>
internal static class TiffHeader
{
    private const ushort ImageWidth = 256;
    private const ushort ImageLength = 257;
    private const ushort NewSubfileType = 254;
    private const ushort Short = 3;
    private const ushort Long = 4;
    private const ushort Long8 = 16;
    private const int MaxEntries = 4096;

    /// <summary>The first image's size, or null when the file is no TIFF this reader understands.</summary>
    public static (long Width, long Height)? ReadSize(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return ReadSize(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (long Width, long Height)? ReadSize(Stream file)
    {
        Span<byte> header = stackalloc byte[16];
        if (!Fill(file, header))
            return null;
        bool little;
        if (header[0] == 'I' && header[1] == 'I')
            little = true;
        else if (header[0] == 'M' && header[1] == 'M')
            little = false;
        else
            return null;
        var magic = U16(header[2..], little);
        var big = magic == 43;
        if (!big && magic != 42 || big && (U16(header[4..], little) != 8 || U16(header[6..], little) != 0))
            return null;
        var ifd = big ? U64(header[8..], little) : U32(header[4..], little);
        if (ifd < 8 || ifd >= (ulong)file.Length)
            return null;

        file.Position = (long)ifd;
        Span<byte> count = stackalloc byte[8];
        if (!Fill(file, count[..(big ? 8 : 2)]))
            return null;
        var entries = big ? U64(count, little) : U16(count, little);
        if (entries is 0 or > MaxEntries)
            return null;
        var entrySize = big ? 20 : 12;
        Span<byte> entry = stackalloc byte[20];
        long width = 0, height = 0;
        for (var i = 0UL; i < entries; i++)
        {
            if (!Fill(file, entry[..entrySize]))
                return null;
            var tag = U16(entry, little);
            var type = U16(entry[2..], little);
            var values = big ? U64(entry[4..], little) : U32(entry[4..], little);
            var value = entry[(big ? 12 : 8)..];
            if (tag is not (ImageWidth or ImageLength or NewSubfileType) || values != 1)
                continue;
            ulong number = type switch
            {
                Short => U16(value, little),
                Long => U32(value, little),
                Long8 when big => U64(value, little),
                _ => ulong.MaxValue,
            };
            switch (tag)
            {
                case ImageWidth:
                    width = number is > 0 and <= int.MaxValue ? (long)number : 0;
                    break;
                case ImageLength:
                    height = number is > 0 and <= int.MaxValue ? (long)number : 0;
                    break;
                case NewSubfileType when (number & 0b101) != 0:
                    // reduced-resolution or mask first: GDAL knows what to make of that
                    return null;
            }
        }
        return width > 0 && height > 0 ? (width, height) : null;
    }

    private static bool Fill(Stream file, Span<byte> buffer)
    {
        try
        {
            file.ReadExactly(buffer);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint U32(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static ulong U64(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
}
