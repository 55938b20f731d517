using System.Buffers;

namespace Zoo.Core.Configuration.Zcfg;

/// <summary>
/// Reads the .zcfg grammar: a <c>[Name]</c> line, <c>key = value</c> lines, and the blocks
/// <c>&lt;MetaData&gt;</c>, <c>&lt;AdditionalParameters&gt;</c>, <c>&lt;DataInputs&gt;</c> and <c>&lt;DataOutputs&gt;</c>
/// holding <c>[io]</c> entries with one data block each (<c>&lt;LiteralData&gt;</c>, <c>&lt;ComplexOutput&gt;</c>...),
/// which hold <c>&lt;Default&gt;</c> and <c>&lt;Supported&gt;</c> blocks. Errors name the line.
/// Lines are looked at in place and only keys and values become strings: GetCapabilities reads
/// the header of every service on each request.
/// </summary>
public static class ZcfgParser
{
    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t\r\f\v");

    /// <exception cref="ConfigurationException">the file cannot be read or parsed; the message names the line, not the path.</exception>
    public static ProcessDescription ReadFile(string path, bool headerOnly = false)
    {
        string text;
        try
        {
            text = TextFiles.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException("file not found");
        }
        return Parse(text, headerOnly);
    }

    /// <param name="headerOnly">stop before the inputs and outputs: all GetCapabilities needs.</param>
    public static ProcessDescription Parse(string text, bool headerOnly = false) =>
        new Reader(text).ReadProcess(headerOnly);

    /// <summary>A line of the file, without its indentation; trailing blanks stay, as ZOO keeps them in values.</summary>
    private readonly record struct Line(int Start, int Length, int Number);

    private enum LineKind
    {
        Section,
        KeyValue,
        Open,
        Close,
        SelfClosed,
        Other,
    }

    private sealed class Reader(string text)
    {
        private int _position;
        private int _lineNumber;

        public ProcessDescription ReadProcess(bool headerOnly)
        {
            string? name = null;
            var keys = new List<KeyValuePair<string, string>>();
            List<KeyValuePair<string, string>>? metadata = null;
            List<KeyValuePair<string, string>>? additional = null;
            List<IoDescription>? inputs = null;
            List<IoDescription>? outputs = null;

            while (NextLine() is { } line)
            {
                if (name is null)
                {
                    name = SectionName(line) ?? throw Error(line, "the file must start with the service name as [Name]");
                    continue;
                }
                switch (Classify(line, out var tag))
                {
                    case LineKind.KeyValue:
                        keys.Add(KeyValue(line));
                        break;
                    case LineKind.Open when Is(tag, "MetaData"):
                        (metadata ??= []).AddRange(ReadPairs("MetaData"));
                        break;
                    case LineKind.Open when Is(tag, "AdditionalParameters"):
                        (additional ??= []).AddRange(ReadPairs("AdditionalParameters"));
                        break;
                    case LineKind.Open when Is(tag, "DataInputs"):
                        if (headerOnly) return Process();
                        (inputs ??= []).AddRange(ReadIoList("DataInputs"));
                        break;
                    case LineKind.Open when Is(tag, "DataOutputs"):
                        if (headerOnly) return Process();
                        (outputs ??= []).AddRange(ReadIoList("DataOutputs"));
                        break;
                    case LineKind.SelfClosed when Is(tag, "DataInputs") || Is(tag, "DataOutputs"):
                        break;
                    default:
                        throw Unexpected(line);
                }
            }
            if (name is null)
                throw new ConfigurationException($"error: line {_lineNumber}: no service name: the file is empty", _lineNumber);
            return Process();

            ProcessDescription Process() =>
                new(name!, new ConfigValues(keys), metadata ?? [], additional ?? [], inputs ?? [], outputs ?? []);
        }

        private List<IoDescription> ReadIoList(string listTag)
        {
            var list = new List<IoDescription>();
            var line = NextLine() ?? throw EndOfFile($"<{listTag}> is not closed");
            while (true)
            {
                if (Classify(line, out var tag) == LineKind.Close && Is(tag, listTag))
                    return list;
                var ioName = SectionName(line) ?? throw Unexpected(line);
                var (io, following) = ReadIo(ioName, listTag);
                list.Add(io);
                line = following ?? throw EndOfFile($"<{listTag}> is not closed");
            }
        }

        /// <returns>the entry, and the first line after it (the next [io] or the list's closing tag).</returns>
        private (IoDescription Io, Line? Following) ReadIo(string ioName, string listTag)
        {
            var keys = new List<KeyValuePair<string, string>>();
            List<KeyValuePair<string, string>>? metadata = null;
            List<KeyValuePair<string, string>>? additional = null;
            List<IoDescription>? nested = null;
            DataDescription? data = null;

            while (NextLine() is { } line)
            {
                var kind = Classify(line, out var tag);
                if (kind == LineKind.Section || (kind == LineKind.Close && Is(tag, listTag)))
                    return (Io(), line);
                switch (kind)
                {
                    case LineKind.KeyValue:
                        keys.Add(KeyValue(line));
                        break;
                    case LineKind.Open when Is(tag, "MetaData"):
                        (metadata ??= []).AddRange(ReadPairs("MetaData"));
                        break;
                    case LineKind.Open when Is(tag, "AdditionalParameters"):
                        (additional ??= []).AddRange(ReadPairs("AdditionalParameters"));
                        break;
                    case LineKind.Open when Is(tag, "DataInputs"):
                        (nested ??= []).AddRange(ReadIoList("DataInputs"));
                        break;
                    case LineKind.Open or LineKind.SelfClosed when DataKindOf(tag) is { } dataKind:
                        if (data is not null)
                            throw Error(line, $"[{ioName}] has a second data block <{tag}>");
                        data = kind == LineKind.Open
                            ? ReadData(dataKind, tag.ToString())
                            : new DataDescription(dataKind, tag.ToString(), null, []);
                        break;
                    default:
                        throw Unexpected(line);
                }
            }
            return (Io(), null);

            IoDescription Io() =>
                new(ioName, new ConfigValues(keys), metadata ?? [], additional ?? [], data, nested ?? []);
        }

        private DataDescription ReadData(DataKind kind, string dataTag)
        {
            var keys = new List<KeyValuePair<string, string>>();
            List<KeyValuePair<string, string>>? defaults = null;
            var supported = new List<ConfigValues>();
            while (NextLine() is { } line)
            {
                switch (Classify(line, out var tag))
                {
                    case LineKind.KeyValue:
                        keys.Add(KeyValue(line));
                        break;
                    case LineKind.Close when Is(tag, dataTag):
                        // As in ZOO, keys written in the data block itself belong to the default.
                        var merged = defaults is null && keys.Count == 0 ? null : new ConfigValues(keys.Concat(defaults ?? []));
                        return new DataDescription(kind, dataTag, merged, supported);
                    case LineKind.Open when Is(tag, "Default"):
                        defaults = ReadPairs("Default");
                        break;
                    case LineKind.SelfClosed when Is(tag, "Default"):
                        defaults = [];
                        break;
                    case LineKind.Open when Is(tag, "Supported"):
                        supported.Add(new ConfigValues(ReadPairs("Supported")));
                        break;
                    case LineKind.SelfClosed when Is(tag, "Supported"):
                        break;
                    default:
                        throw Unexpected(line);
                }
            }
            throw EndOfFile($"<{dataTag}> is not closed");
        }

        /// <summary>key = value lines up to the closing tag; repeated keys are all kept.</summary>
        private List<KeyValuePair<string, string>> ReadPairs(string blockTag)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            while (NextLine() is { } line)
            {
                var kind = Classify(line, out var tag);
                if (kind == LineKind.Close && Is(tag, blockTag))
                    return pairs;
                if (kind != LineKind.KeyValue)
                    throw Unexpected(line);
                pairs.Add(KeyValue(line));
            }
            throw EndOfFile($"<{blockTag}> is not closed");
        }

        /// <summary>The next line that carries something; comments and blank lines are skipped.</summary>
        private Line? NextLine()
        {
            while (_position < text.Length)
            {
                var end = text.IndexOf('\n', _position);
                if (end < 0)
                    end = text.Length;
                var start = _position;
                _position = end + 1;
                _lineNumber++;
                var raw = text.AsSpan(start, end - start);
                var indentation = raw.IndexOfAnyExcept(Blanks);
                if (indentation < 0 || raw[indentation] == '#')
                    continue;
                var content = raw[indentation..].TrimEnd('\r');
                return new Line(start + indentation, content.Length, _lineNumber);
            }
            return null;
        }

        private ReadOnlySpan<char> Span(Line line) => text.AsSpan(line.Start, line.Length);

        private ConfigurationException Unexpected(Line line) => Error(line, $"unexpected \"{Span(line).TrimEnd()}\"");

        private static ConfigurationException Error(Line line, string message) => new($"error: line {line.Number}: {message}", line.Number);

        private ConfigurationException EndOfFile(string message) => new($"error: line {_lineNumber}: {message}", _lineNumber);

        private KeyValuePair<string, string> KeyValue(Line line)
        {
            var span = Span(line);
            var equals = span.IndexOf('=');
            var key = span[..equals].Trim();
            if (key.IsEmpty || key.ContainsAny(Blanks))
                throw Error(line, $"\"{key}\" is not a key name");
            return KeyValuePair.Create(key.ToString(), span[(equals + 1)..].TrimStart().ToString());
        }

        private string? SectionName(Line line)
        {
            var span = Span(line).TrimEnd();
            return span.Length > 2 && span[0] == '[' && span[^1] == ']' ? span[1..^1].Trim().ToString() : null;
        }

        private LineKind Classify(Line line, out ReadOnlySpan<char> tag)
        {
            var span = Span(line).TrimEnd();
            tag = default;
            if (span[0] == '<' && span[^1] == '>')
            {
                if (span.Length > 3 && span[1] == '/')
                {
                    tag = span[2..^1].Trim();
                    return LineKind.Close;
                }
                if (span.Length > 3 && span[^2] == '/')
                {
                    tag = span[1..^2].Trim();
                    return LineKind.SelfClosed;
                }
                tag = span[1..^1].Trim();
                return LineKind.Open;
            }
            if (span.Length > 2 && span[0] == '[' && span[^1] == ']')
                return LineKind.Section;
            return span.IndexOf('=') > 0 ? LineKind.KeyValue : LineKind.Other;
        }
    }

    private static DataKind? DataKindOf(ReadOnlySpan<char> tag) =>
        Is(tag, "LiteralData") || Is(tag, "LiteralOutput") ? DataKind.Literal
        : Is(tag, "ComplexData") || Is(tag, "ComplexOutput") ? DataKind.Complex
        : Is(tag, "BoundingBoxData") || Is(tag, "BoundingBoxOutput") ? DataKind.BoundingBox
        : null;

    private static bool Is(ReadOnlySpan<char> tag, string expected) =>
        tag.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
