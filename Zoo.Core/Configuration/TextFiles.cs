using System.Buffers;
using System.Text;

namespace Zoo.Core.Configuration;

/// <summary>
/// Reads small configuration files (main.cfg, .zcfg) into one string with as few system calls as
/// possible: GetCapabilities reads hundreds of them per request.
/// </summary>
public static class TextFiles
{
    private const int FirstReadBytes = 16 * 1024;

    public static string Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = ArrayPool<byte>.Shared.Rent(FirstReadBytes);
        try
        {
            var total = 0;
            while (true)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                total += read;
                // A regular file answers short only at its end.
                if (read == 0 || total < buffer.Length)
                    break;
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, total).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var text = buffer.AsSpan(0, total);
            if (text.StartsWith("\uFEFF"u8))
                text = text[3..];
            return Encoding.UTF8.GetString(text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
