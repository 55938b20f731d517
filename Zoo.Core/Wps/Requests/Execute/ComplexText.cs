using System.Buffers;
using System.Text;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Requests.Execute;

/// <summary>
/// The text of complex data given by value, written into its input file as it is read: as UTF-8, or decoded
/// from base64 four characters at a time (line breaks and blanks inside base64 skipped), so that neither the
/// text nor the bytes are ever held whole.
/// </summary>
internal sealed class ComplexText(BoundedXmlReader reader, InputFileWriter file, bool isBase64, string inputName)
{
    private readonly char[] _chunk = new char[16 * 1024];
    private readonly char[] _pending = new char[16 * 1024 + 4];
    private int _pendingCount;
    private readonly StringBuilder _blanks = new();

    /// <summary>
    /// Blanks the reader is on: they are the data only if text follows, not if the data turns out to be XML (the
    /// indentation around it). Held up to a bound, beyond which they are taken as text.
    /// </summary>
    public void AddBlanks()
    {
        int read;
        while ((read = reader.ReadValueChunk(_chunk)) > 0)
        {
            _blanks.Append(_chunk, 0, read);
            if (_blanks.Length > _chunk.Length * 4)
                WriteBlanks();
        }
    }

    /// <summary>The data is XML: the blanks before it were its indentation.</summary>
    public void DropBlanks() => _blanks.Clear();

    /// <summary>Writes the text of the node the reader is on.</summary>
    public void Add()
    {
        WriteBlanks();
        int read;
        while ((read = reader.ReadValueChunk(_chunk)) > 0)
        {
            if (isBase64)
                Decode(_chunk.AsSpan(0, read));
            else
                WriteUtf8(_chunk.AsSpan(0, read));
        }
    }

    /// <exception cref="WpsException">the base64 text does not end on a whole group, or is not base64.</exception>
    public void Finish()
    {
        WriteBlanks();
        if (isBase64 && _pendingCount > 0)
            DecodePending(final: true);
    }

    private void WriteBlanks()
    {
        if (_blanks.Length == 0)
            return;
        var blanks = _blanks.ToString();
        _blanks.Clear();
        if (isBase64)
            Decode(blanks);
        else
            WriteUtf8(blanks);
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(text, bytes);
            file.Write(bytes.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void Decode(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
                continue;
            _pending[_pendingCount++] = c;
            if (_pendingCount == _pending.Length - 4)
                DecodePending(final: false);
        }
    }

    /// <summary>Decodes the whole groups of four held so far (all of them at the end); a partial group waits for the next text.</summary>
    private void DecodePending(bool final)
    {
        var whole = final ? _pendingCount : _pendingCount / 4 * 4;
        var bytes = ArrayPool<byte>.Shared.Rent(whole / 4 * 3 + 3);
        try
        {
            if (!Convert.TryFromBase64Chars(_pending.AsSpan(0, whole), bytes, out var written))
                throw new WpsException([ExecuteErrors.NotBase64(inputName)]);
            file.Write(bytes.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
        _pending.AsSpan(whole, _pendingCount - whole).CopyTo(_pending);
        _pendingCount -= whole;
    }
}
