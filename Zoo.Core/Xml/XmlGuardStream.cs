using System.Globalization;

namespace Zoo.Core.Xml;

/// <summary>
/// Sits between a request body and the XML parser and keeps the parser's memory bounded, in one linear pass:
/// <list type="bullet">
/// <item>every markup token (a tag with its attributes, a comment, a processing instruction, a declaration)
/// must be shorter than the limit, because the parser holds a whole token in memory (a 60 MB attribute costs
/// it 300 MB);</item>
/// <item>CDATA sections become the same characters as escaped text, because the parser also holds a whole CDATA
/// section, while it streams text.</item>
/// </list>
/// The markup characters are ASCII in UTF-8 and in the ASCII-compatible encodings, which are what requests use;
/// a document in UTF-16 or UTF-32 (a byte-order mark or a NUL in its first bytes) is refused.
/// </summary>
public sealed class XmlGuardStream(Stream inner, int maxTokenBytes) : Stream
{
    private enum State
    {
        Text,
        MarkupStart,
        Tag,
        Bang,
        Comment,
        Instruction,
        CData,
    }

    private static readonly byte[] CDataOpen = "[CDATA["u8.ToArray();
    private static readonly byte[] CommentOpen = "--"u8.ToArray();
    private static readonly System.Buffers.SearchValues<byte> CDataSpecials = System.Buffers.SearchValues.Create("]<&>"u8);

    private readonly byte[] _input = new byte[64 * 1024];
    private byte[] _output = new byte[96 * 1024];
    private int _outputStart;
    private int _outputEnd;
    private bool _innerEnded;
    private readonly byte[] _head = new byte[4];
    private int _headCount;

    private State _state = State.Text;
    private long _tokenBytes;
    private byte _quote;
    private int _matched;
    private readonly byte[] _pending = new byte[CDataOpen.Length];
    private int _pendingCount;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <exception cref="XmlGuardException">a token longer than the limit, or a document in a wide encoding.</exception>
    public override int Read(Span<byte> buffer)
    {
        while (_outputStart == _outputEnd && !_innerEnded)
            Fill();
        var count = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsSpan(_outputStart, count).CopyTo(buffer);
        _outputStart += count;
        return count;
    }

    private void Fill()
    {
        var read = inner.Read(_input, 0, _input.Length);
        _outputStart = _outputEnd = 0;
        if (read == 0)
        {
            _innerEnded = true;
            Flush(_pending.AsSpan(0, _pendingCount));
            return;
        }
        if (_headCount < _head.Length)
        {
            var taken = Math.Min(_head.Length - _headCount, read);
            _input.AsSpan(0, taken).CopyTo(_head.AsSpan(_headCount));
            _headCount += taken;
            CheckEncoding(_head.AsSpan(0, _headCount));
        }
        var rest = _input.AsSpan(0, read);
        while (!rest.IsEmpty)
        {
            // Text and CDATA content are most of a large request: passed on a run at a time, only markup byte by byte.
            var run = _state switch
            {
                State.Text => Run(rest, rest.IndexOf((byte)'<')),
                State.CData when _matched == 0 => Run(rest, rest.IndexOfAny(CDataSpecials)),
                _ => 0,
            };
            if (run > 0)
            {
                EmitRun(rest[..run]);
                rest = rest[run..];
                continue;
            }
            Step(rest[0]);
            rest = rest[1..];
        }
    }

    private static int Run(ReadOnlySpan<byte> rest, int special) => special < 0 ? rest.Length : special;

    private void EmitRun(ReadOnlySpan<byte> run)
    {
        if (_outputEnd + run.Length > _output.Length)
            Array.Resize(ref _output, Math.Max(_output.Length * 2, _outputEnd + run.Length));
        run.CopyTo(_output.AsSpan(_outputEnd));
        _outputEnd += run.Length;
    }

    /// <summary>The first bytes (however the reads cut them) must not be a UTF-16 byte-order mark or hold a NUL.</summary>
    private static void CheckEncoding(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0xFE, 0xFF }) || head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.Contains((byte)0))
            throw new XmlGuardException("The XML request is not in UTF-8 (or an ASCII-compatible encoding).");
    }

    private void Step(byte value)
    {
        switch (_state)
        {
            case State.Text:
                if (value == (byte)'<')
                    Enter(State.MarkupStart);
                else
                    Emit(value);
                return;
            case State.MarkupStart:
                if (value == (byte)'!')
                {
                    Enter(State.Bang);
                    _matched = 0;
                    _pendingCount = 0;
                }
                else
                {
                    Emit((byte)'<');
                    Enter(value == (byte)'?' ? State.Instruction : State.Tag);
                    Step(value);
                }
                return;
            case State.Bang:
                StepBang(value);
                return;
            case State.Tag:
                Count();
                Emit(value);
                if (_quote != 0)
                {
                    if (value == _quote)
                        _quote = 0;
                }
                else if (value is (byte)'"' or (byte)'\'')
                    _quote = value;
                else if (value == (byte)'>')
                    _state = State.Text;
                return;
            case State.Comment:
                Count();
                Emit(value);
                _matched = value == (byte)'-' ? Math.Min(_matched + 1, 2) : value == (byte)'>' && _matched == 2 ? 3 : 0;
                if (_matched == 3)
                    _state = State.Text;
                return;
            case State.Instruction:
                Count();
                Emit(value);
                if (value == (byte)'>' && _matched == 1)
                    _state = State.Text;
                _matched = value == (byte)'?' ? 1 : 0;
                return;
            case State.CData:
                StepCData(value);
                return;
        }
    }

    /// <summary>After "&lt;!": a CDATA section, a comment, or a declaration (DOCTYPE, which the parser refuses).</summary>
    private void StepBang(byte value)
    {
        _pending[_pendingCount++] = value;
        var held = _pending.AsSpan(0, _pendingCount);
        var cdata = _pendingCount <= CDataOpen.Length && held.SequenceEqual(CDataOpen.AsSpan(0, _pendingCount));
        if (cdata && _pendingCount == CDataOpen.Length)
        {
            Enter(State.CData);
            _matched = 0;
            _pendingCount = 0;
            return;
        }
        var comment = _pendingCount <= CommentOpen.Length && held.SequenceEqual(CommentOpen.AsSpan(0, _pendingCount));
        if (comment && _pendingCount == CommentOpen.Length)
        {
            EmitMarkup("<!--");
            Enter(State.Comment);
            _tokenBytes = 4;
            _matched = 0;
            _pendingCount = 0;
            return;
        }
        if (cdata || comment)
            return;
        // Anything else is markup the parser judges itself (a DOCTYPE is refused there): passed on as it came.
        Emit((byte)'<');
        Emit((byte)'!');
        var pending = _pending.AsSpan(0, _pendingCount).ToArray();
        _pendingCount = 0;
        Enter(State.Tag);
        _tokenBytes = 2;
        foreach (var earlier in pending)
            Step(earlier);
    }

    /// <summary>Character data of a CDATA section, escaped as text, until "]]&gt;".</summary>
    private void StepCData(byte value)
    {
        if (value == (byte)']')
        {
            // More than two ']' in a row: the earliest is content.
            if (_matched == 2)
                EmitEscaped((byte)']');
            else
                _matched++;
            return;
        }
        if (value == (byte)'>' && _matched == 2)
        {
            _matched = 0;
            _state = State.Text;
            return;
        }
        for (; _matched > 0; _matched--)
            EmitEscaped((byte)']');
        EmitEscaped(value);
    }

    private void Enter(State state)
    {
        _state = state;
        _tokenBytes = state is State.Text or State.CData ? 0 : 1;
        _quote = 0;
    }

    private void Count()
    {
        if (++_tokenBytes > maxTokenBytes)
            throw new XmlGuardException(
                $"The XML request holds a tag, attribute or comment longer than {maxTokenBytes.ToString(CultureInfo.InvariantCulture)} bytes.");
    }

    private void EmitEscaped(byte value)
    {
        switch (value)
        {
            case (byte)'<':
                EmitMarkup("&lt;");
                break;
            case (byte)'&':
                EmitMarkup("&amp;");
                break;
            case (byte)'>':
                EmitMarkup("&gt;");
                break;
            default:
                Emit(value);
                break;
        }
    }

    private void EmitMarkup(string ascii)
    {
        foreach (var c in ascii)
            Emit((byte)c);
    }

    private void Emit(byte value)
    {
        if (_outputEnd == _output.Length)
            Array.Resize(ref _output, _output.Length * 2);
        _output[_outputEnd++] = value;
    }

    private void Flush(ReadOnlySpan<byte> held)
    {
        // An unfinished "<!" at the very end: the parser reports the document as truncated.
        if (_state == State.Bang)
        {
            Emit((byte)'<');
            Emit((byte)'!');
            foreach (var value in held)
                Emit(value);
        }
        else if (_state == State.MarkupStart)
            Emit((byte)'<');
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>An XML request the guard refused before the parser saw it all.</summary>
public sealed class XmlGuardException(string message) : Exception(message);
