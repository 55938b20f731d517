namespace Zoo.Core.Cgi;

/// <summary>
/// The body of a request: held in memory when small, otherwise in a spool file that has no name (it is unlinked
/// as soon as it is created, so nobody else can open it and nothing of it remains once the request ends).
/// Each reader gets its own stream from the start, so a body can be read twice (the XML request is checked
/// once whole, then its inputs are streamed).
/// </summary>
public sealed class RequestBody : IDisposable
{
    private readonly byte[]? _bytes;
    private readonly FileStream? _spool;

    private RequestBody(byte[]? bytes, FileStream? spool, long length)
    {
        _bytes = bytes;
        _spool = spool;
        Length = length;
    }

    public static RequestBody Empty { get; } = new([], null, 0);

    public long Length { get; }

    public bool IsEmpty => Length == 0;

    public static RequestBody InMemory(byte[] bytes) => new(bytes, null, bytes.Length);

    /// <summary>A spool file already written; the body owns it from now on.</summary>
    public static RequestBody Spooled(FileStream spool) => new(null, spool, spool.Length);

    public static implicit operator RequestBody(byte[] bytes) => InMemory(bytes);

    public Stream OpenRead() =>
        _spool is null ? new MemoryStream(_bytes!, writable: false) : new SpoolReader(_spool, Length);

    /// <summary>The first bytes, enough to tell XML from a form.</summary>
    public ReadOnlySpan<byte> Head(int count)
    {
        if (_bytes is not null)
            return _bytes.AsSpan(0, (int)Math.Min(count, _bytes.Length));
        var head = new byte[(int)Math.Min(count, Length)];
        var read = RandomAccess.Read(_spool!.SafeFileHandle, head, 0);
        return head.AsSpan(0, read);
    }

    public void Dispose() => _spool?.Dispose();

    /// <summary>Reads the spool file by position, leaving the shared handle's own position alone.</summary>
    private sealed class SpoolReader(FileStream spool, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= length)
                return 0;
            var wanted = (int)Math.Min(buffer.Length, length - _position);
            var read = RandomAccess.Read(spool.SafeFileHandle, buffer[..wanted], _position);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
