using System.Text;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>
/// A request body as a list of segments, each some bytes sent a number of times: a small document is one
/// segment sent once; 200 000 levels of nesting are a prolog, "&lt;a&gt;" × 200 000, "&lt;/a&gt;" × 200 000 and an
/// epilogue. Bodies of tens of MiB are never held whole: <see cref="Chunks"/> produces them as they are written
/// to the CGI's standard input, and <see cref="Describe"/> names each long run by its unit and count.
/// </summary>
public sealed class FuzzBody
{
    private const int ChunkBytes = 64 * 1024;

    public static readonly FuzzBody Empty = new([]);

    private FuzzBody(IReadOnlyList<Segment> segments) => Segments = segments;

    public readonly record struct Segment(byte[] Bytes, long Times)
    {
        public long Length => Bytes.LongLength * Times;
    }

    public IReadOnlyList<Segment> Segments { get; }

    public long Length => Segments.Sum(s => s.Length);

    public static FuzzBody Of(byte[] bytes) => bytes.Length == 0 ? Empty : new([new Segment(bytes, 1)]);

    public static FuzzBody Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Builds a body from parts: strings (UTF-8), byte arrays, and (unit, times) repetitions.</summary>
    public static FuzzBody Concat(params object[] parts)
    {
        var segments = new List<Segment>();
        foreach (var part in parts)
        {
            var segment = part switch
            {
                string text => new Segment(Encoding.UTF8.GetBytes(text), 1),
                byte[] bytes => new Segment(bytes, 1),
                (string unit, long times) => new Segment(Encoding.UTF8.GetBytes(unit), times),
                (string unit, int times) => new Segment(Encoding.UTF8.GetBytes(unit), times),
                (byte[] unit, long times) => new Segment(unit, times),
                (byte[] unit, int times) => new Segment(unit, times),
                _ => throw new ArgumentException("not a body part: " + part),
            };
            if (segment.Length > 0)
                segments.Add(segment);
        }
        return new FuzzBody(segments);
    }

    /// <summary>The whole body in memory, for bodies that are small by construction (mutations work on these).</summary>
    public byte[] ToArray()
    {
        if (Length > 256L * 1024 * 1024)
            throw new InvalidOperationException($"a body of {Length} bytes is only ever streamed");
        var all = new byte[Length];
        var position = 0;
        foreach (var chunk in Chunks())
        {
            chunk.Span.CopyTo(all.AsSpan(position));
            position += chunk.Length;
        }
        return all;
    }

    /// <summary>The first <paramref name="limit"/> bytes (what a detector may look at without materializing 70 MB).</summary>
    public byte[] Head(int limit)
    {
        var head = new MemoryStream();
        foreach (var chunk in Chunks())
        {
            if (head.Length >= limit)
                break;
            head.Write(chunk.Span[..(int)Math.Min(chunk.Length, limit - head.Length)]);
        }
        return head.ToArray();
    }

    /// <summary>The body in chunks of at most 64 KiB; a repeated unit is laid out once per chunk, not per byte.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Chunks()
    {
        foreach (var segment in Segments)
        {
            if (segment.Times == 1 || segment.Bytes.Length >= ChunkBytes)
            {
                for (long time = 0; time < segment.Times; time++)
                {
                    for (var offset = 0; offset < segment.Bytes.Length; offset += ChunkBytes)
                        yield return segment.Bytes.AsMemory(offset, Math.Min(ChunkBytes, segment.Bytes.Length - offset));
                }
                continue;
            }
            var perChunk = ChunkBytes / segment.Bytes.Length;
            var block = new byte[perChunk * segment.Bytes.Length];
            for (var i = 0; i < perChunk; i++)
                segment.Bytes.CopyTo(block, i * segment.Bytes.Length);
            for (var left = segment.Times; left > 0; left -= perChunk)
                yield return block.AsMemory(0, (int)(Math.Min(left, perChunk) * segment.Bytes.Length));
        }
    }

    /// <summary>The body for a failure message: short runs in full, long ones as their start, unit × count and size.</summary>
    public string Describe(int budget = 500)
    {
        if (Length == 0)
            return "(none)";
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (text.Length >= budget)
            {
                text.Append(" …(more)");
                break;
            }
            var room = Math.Max(40, budget - text.Length);
            if (segment.Times == 1)
                text.Append(Printable.Of(segment.Bytes, room));
            else if (segment.Length <= 80)
                text.Append(Printable.Of(Repeat(segment), room));
            else
                text.Append($"[\"{Printable.Of(segment.Bytes, 40)}\" × {segment.Times} = {Printable.Size(segment.Length)}]");
        }
        return text.ToString();
    }

    private static byte[] Repeat(Segment segment)
    {
        var all = new byte[segment.Length];
        for (var i = 0; i < segment.Times; i++)
            segment.Bytes.CopyTo(all, i * segment.Bytes.Length);
        return all;
    }
}

/// <summary>Bytes as one line of text a developer can read and retype: printable ASCII as is, the rest escaped.</summary>
public static class Printable
{
    public static string Of(ReadOnlySpan<byte> bytes, int limit = 500)
    {
        var text = new StringBuilder();
        var i = 0;
        for (; i < bytes.Length && text.Length < limit; i++)
        {
            var b = bytes[i];
            text.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                (byte)'\\' => "\\\\",
                < 0x20 or >= 0x7f => $"\\x{b:X2}",
                _ => ((char)b).ToString(),
            });
        }
        if (i < bytes.Length)
            text.Append($"…(+{Size(bytes.Length - i)})");
        return text.ToString();
    }

    public static string Of(string text, int limit = 500) => Of(Encoding.UTF8.GetBytes(text), limit);

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        >= 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
