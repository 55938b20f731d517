using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// A PNG decoded far enough to know its size and how many of its pixels are not fully transparent: 8-bit samples,
/// not interlaced (what MapServer's AGG/PNG and GD/PNG write), any colour type, with its tRNS chunk.
/// </summary>
public sealed record PngImage(int Width, int Height, int NonTransparentPixels)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Decodes <paramref name="png"/>; fails the test, showing the start of what came, when it is no PNG this can read.</summary>
    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new AssertionException("not a PNG: " + Encoding.UTF8.GetString(png, 0, Math.Min(png.Length, 2000)));
        int width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
        byte[]? transparency = null;
        using var compressed = new MemoryStream();
        for (var position = 8; position + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            if (length < 0 || position + 12 + length > png.Length)
                throw new AssertionException($"truncated PNG: chunk {type} of {length} bytes at {position} of {png.Length}");
            var data = png.AsSpan(position + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                    (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }
            if (type == "IEND")
                break;
            position += 12 + length;
        }
        if (bitDepth != 8 || interlace != 0)
            throw new AssertionException($"a PNG with {bitDepth}-bit samples, interlace method {interlace}: only 8-bit, non-interlaced PNGs are read here");
        var channels = colorType switch
        {
            0 or 3 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new AssertionException($"not a PNG colour type: {colorType}"),
        };
        return new PngImage(width, height, CountNonTransparent(Inflate(compressed), width, height, channels, colorType, transparency));
    }

    private static byte[] Inflate(MemoryStream compressed)
    {
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return raw.ToArray();
    }

    private static int CountNonTransparent(byte[] raw, int width, int height, int channels, int colorType, byte[]? transparency)
    {
        var stride = width * channels;
        if (raw.Length < height * (stride + 1))
            throw new AssertionException($"the PNG's image data holds {raw.Length} bytes, {height * (stride + 1)} expected");
        var previous = new byte[stride];
        var line = new byte[stride];
        var count = 0;
        for (var y = 0; y < height; y++)
        {
            var start = y * (stride + 1);
            raw.AsSpan(start + 1, stride).CopyTo(line);
            Unfilter(raw[start], line, previous, channels);
            for (var x = 0; x < width; x++)
            {
                if (Alpha(line.AsSpan(x * channels, channels), colorType, transparency) > 0)
                    count++;
            }
            (previous, line) = (line, previous);
        }
        return count;
    }

    private static int Alpha(ReadOnlySpan<byte> pixel, int colorType, byte[]? transparency) => colorType switch
    {
        6 => pixel[3],
        4 => pixel[1],
        3 => transparency is not null && pixel[0] < transparency.Length ? transparency[pixel[0]] : 255,
        // Grey or RGB: one colour (16-bit values, big endian) may be declared transparent.
        0 => transparency is { Length: >= 2 } && transparency[1] == pixel[0] ? 0 : 255,
        _ => transparency is { Length: >= 6 } && transparency[1] == pixel[0] && transparency[3] == pixel[1] && transparency[5] == pixel[2] ? 0 : 255,
    };

    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bytesPerPixel)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
            int up = previous[i];
            int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
            line[i] += filter switch
            {
                0 => 0,
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => (byte)Paeth(left, up, upLeft),
                _ => throw new AssertionException($"not a PNG filter type: {filter}"),
            };
        }
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
