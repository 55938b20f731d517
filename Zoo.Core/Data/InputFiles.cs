using System.Globalization;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Files;
using Zoo.Core.Jobs;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>
/// Where the data of complex inputs goes while the request is read: ZOO's input files in tmpPath,
/// <c>Input_&lt;input&gt;_&lt;usid&gt;_&lt;n&gt;.&lt;ext&gt;</c>, written as the data streams in and never beyond the input's
/// <c>maximumMegabytes</c> (or the server's default), so that no input is ever held whole in memory.
/// </summary>
public sealed class InputFiles(string? directory, string usid, Limits limits, bool measureOnly = false)
{
    // The files this request created (references are fetched in parallel, hence the lock).
    private readonly List<string> _created = [];

    /// <summary>Inputs of a request whose data no service will read (ZOO's GetStatus): measured, not written.</summary>
    public static InputFiles MeasureOnly(Limits limits) => new(null, "", limits, measureOnly: true);

    /// <summary>The input files of a job, in tmpPath.</summary>
    public static InputFiles For(MainConfig config, string usid) =>
        new(config.TmpPath is { Length: > 0 } tmpPath && Directory.Exists(tmpPath) ? tmpPath : null, usid, config.Limits);

    public Limits Limits => limits;

    /// <summary>The most bytes an input may bring: its .zcfg's <c>maximumMegabytes</c>, else the server's default.</summary>
    public InputSizeLimit LimitOf(IoDescription? input, string name) =>
        double.TryParse(input?.Keys["maximumMegabytes"], NumberStyles.Float, CultureInfo.InvariantCulture, out var megabytes) && megabytes > 0
            ? new InputSizeLimit(name, Limits.BytesOf(megabytes), input!.Keys["maximumMegabytes"]!.Trim())
            : new InputSizeLimit(name, Limits.BytesOf(limits.MaximumMegabytes), limits.MaximumMegabytes.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A new input file for occurrence <paramref name="index"/> of a declared input; an undeclared one (null) is
    /// only measured, since its name comes from the client.
    /// </summary>
    /// <exception cref="WpsException">there is no tmpPath to write a declared input's data into.</exception>
    public InputFileWriter Create(IoDescription? input, string name, int index, string? mimeType, InputSizeLimit? limit = null)
    {
        limit ??= LimitOf(input, name);
        if (measureOnly || input is null || name.Contains('/'))
            return new InputFileWriter(null, limit);
        if (directory is null)
            throw new WpsException("InternalError", null, "The tmpPath of main.cfg does not exist: this server cannot receive complex data.");
        var path = Path.Combine(directory, JobStore.InputFileName(name, usid, index, MimeTypes.ExtensionFor(mimeType)));
        lock (_created)
            _created.Add(path);
        return new InputFileWriter(AtomicFile.Create(path), limit);
    }

    /// <summary>Removes the input files this request wrote (those of a synchronous run, once it answered).</summary>
    public void DeleteAll()
    {
        lock (_created)
        {
            foreach (var file in _created)
                File.Delete(file);
            _created.Clear();
        }
    }
}

/// <summary>
/// One input file being written: its bytes are counted as they come, and the first byte past the limit drops the
/// file and ends the reading with FileSizeExceeded, so that an oversized input costs no more than its limit.
/// </summary>
public sealed class InputFileWriter : IDisposable
{
    private AtomicFile.Writer? _file;
    private readonly MemoryStream? _memory;

    public InputFileWriter(AtomicFile.Writer? file, InputSizeLimit limit)
    {
        _file = file;
        Limit = limit;
    }

    private InputFileWriter(MemoryStream memory, InputSizeLimit limit)
    {
        _memory = memory;
        Limit = limit;
    }

    /// <summary>A small input held in memory (the body of a POST reference), bounded the same way.</summary>
    public static InputFileWriter InMemory(MemoryStream target, InputSizeLimit limit) => new(target, limit);

    public long Size { get; private set; }

    public InputSizeLimit Limit { get; }

    /// <summary>A stream that writes into this file (for an XML writer).</summary>
    public Stream AsStream() => new WriterStream(this);

    /// <exception cref="WpsException">FileSizeExceeded: this write takes the input past its limit (later ones are ignored).</exception>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (Size > Limit.Bytes)
            return;
        Size += bytes.Length;
        if (Size > Limit.Bytes)
        {
            _file?.Dispose();
            _file = null;
            throw Limit.Exceeded(Size, atLeast: true);
        }
        _file?.Stream.Write(bytes);
        _memory?.Write(bytes);
    }

    /// <returns>the file and its size; null for an input that is only measured or held in memory.</returns>
    /// <exception cref="WpsException">FileSizeExceeded: the input is larger than its limit.</exception>
    public InlineData? Commit(bool isXml)
    {
        if (Size > Limit.Bytes)
            throw Limit.Exceeded(Size, atLeast: true);
        if (_file is null)
            return null;
        _file.Commit();
        return new InlineData(_file.Path, Size, isXml);
    }

    public void Dispose() => _file?.Dispose();

    private sealed class WriterStream(InputFileWriter writer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => writer.Size;

        public override long Position
        {
            get => writer.Size;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => writer.Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => writer.Write(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>An input given by value, as it lies in its input file: the path, its size, and whether it is XML.</summary>
public sealed record InlineData(string Path, long Size, bool IsXml);
