namespace Zoo.Core.Configuration.Zcfg;

/// <summary>
/// Reads the .zcfg grammar: a <c>[Name]</c> line, <c>key = value</c> lines, and the blocks
/// <c>&lt;MetaData&gt;</c>, <c>&lt;AdditionalParameters&gt;</c>, <c>&lt;DataInputs&gt;</c> and <c>&lt;DataOutputs&gt;</c>
/// holding <c>[io]</c> entries with one data block each (<c>&lt;LiteralData&gt;</c>, <c>&lt;ComplexOutput&gt;</c>...),
/// which hold <c>&lt;Default&gt;</c> and <c>&lt;Supported&gt;</c> blocks. Errors name the line.
/// </summary>
public static class ZcfgParser
{
    /// <exception cref="ConfigurationException">the file cannot be read or parsed; the message names the line, not the path.</exception>
    public static ProcessDescription ReadFile(string path, bool headerOnly = false)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
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

    private sealed class Reader(string text)
    {
        private readonly string[] _lines = text.Split('\n');
        private int _next;

        private int LineNumber => _next;

        public ProcessDescription ReadProcess(bool headerOnly)
        {
            string? name = null;
            var keys = new List<KeyValuePair<string, string>>();
            var metadata = new List<KeyValuePair<string, string>>();
            var additional = new List<KeyValuePair<string, string>>();
            var inputs = new List<IoDescription>();
            var outputs = new List<IoDescription>();

            while (NextLine() is { } line)
            {
                if (name is null)
                {
                    name = SectionName(line) ?? throw Error("the file must start with the service name as [Name]");
                    continue;
                }
                switch (Classify(line, out var tag))
                {
                    case LineKind.KeyValue:
                        keys.Add(KeyValue(line));
                        break;
                    case LineKind.Open when Is(tag, "MetaData"):
                        metadata.AddRange(ReadPairs(tag));
                        break;
                    case LineKind.Open when Is(tag, "AdditionalParameters"):
                        additional.AddRange(ReadPairs(tag));
                        break;
                    case LineKind.Open when Is(tag, "DataInputs"):
                        if (headerOnly) return Process();
                        inputs.AddRange(ReadIoList(tag));
                        break;
                    case LineKind.Open when Is(tag, "DataOutputs"):
                        if (headerOnly) return Process();
                        outputs.AddRange(ReadIoList(tag));
                        break;
                    case LineKind.SelfClosed when Is(tag, "DataInputs") || Is(tag, "DataOutputs"):
                        break;
                    default:
                        throw Unexpected(line);
                }
            }
            if (name is null)
                throw Error("no service name: the file is empty");
            return Process();

            ProcessDescription Process() =>
                new(name!, new ConfigValues(keys), metadata, additional, inputs, outputs);
        }

        private List<IoDescription> ReadIoList(string listTag)
        {
            var list = new List<IoDescription>();
            var line = NextLine() ?? throw Error($"<{listTag}> is not closed");
            while (true)
            {
                if (Classify(line, out var tag) == LineKind.Close && Is(tag, listTag))
                    return list;
                var ioName = SectionName(line) ?? throw Unexpected(line);
                var (io, following) = ReadIo(ioName, listTag);
                list.Add(io);
                line = following ?? throw Error($"<{listTag}> is not closed");
            }
        }

        /// <returns>the entry, and the first line after it (the next [io] or the list's closing tag).</returns>
        private (IoDescription Io, string? Following) ReadIo(string ioName, string listTag)
        {
            var keys = new List<KeyValuePair<string, string>>();
            var metadata = new List<KeyValuePair<string, string>>();
            var additional = new List<KeyValuePair<string, string>>();
            var nested = new List<IoDescription>();
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
                        metadata.AddRange(ReadPairs(tag));
                        break;
                    case LineKind.Open when Is(tag, "AdditionalParameters"):
                        additional.AddRange(ReadPairs(tag));
                        break;
                    case LineKind.Open when Is(tag, "DataInputs"):
                        nested.AddRange(ReadIoList(tag));
                        break;
                    case LineKind.Open or LineKind.SelfClosed when DataKindOf(tag) is { } dataKind:
                        if (data is not null)
                            throw Error($"[{ioName}] has a second data block <{tag}>");
                        data = kind == LineKind.Open
                            ? ReadData(dataKind, tag)
                            : new DataDescription(dataKind, tag, null, []);
                        break;
                    default:
                        throw Unexpected(line);
                }
            }
            return (Io(), null);

            IoDescription Io() => new(ioName, new ConfigValues(keys), metadata, additional, data, nested);
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
                        var merged = defaults is null && keys.Count == 0 ? null : new ConfigValues(keys.Concat(defaults ?? []));
                        return new DataDescription(kind, dataTag, merged, supported);
                    case LineKind.Open when Is(tag, "Default"):
                        defaults = ReadPairs(tag);
                        break;
                    case LineKind.SelfClosed when Is(tag, "Default"):
                        defaults = [];
                        break;
                    case LineKind.Open when Is(tag, "Supported"):
                        supported.Add(new ConfigValues(ReadPairs(tag)));
                        break;
                    case LineKind.SelfClosed when Is(tag, "Supported"):
                        break;
                    default:
                        throw Unexpected(line);
                }
            }
            throw Error($"<{dataTag}> is not closed");
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
            throw Error($"<{blockTag}> is not closed");
        }

        /// <summary>
        /// The next line that carries something, without its indentation; comments and blank lines
        /// are skipped. Trailing blanks stay: ZOO keeps them in values ("Title = Demo. " stays so).
        /// </summary>
        private string? NextLine()
        {
            while (_next < _lines.Length)
            {
                var line = _lines[_next++].TrimStart().TrimEnd('\r');
                if (line.TrimEnd().Length > 0 && line[0] != '#')
                    return line;
            }
            return null;
        }

        private ConfigurationException Unexpected(string line) => Error($"unexpected \"{line.TrimEnd()}\"");

        private ConfigurationException Error(string message) => new($"error: line {LineNumber}: {message}");

        private KeyValuePair<string, string> KeyValue(string line)
        {
            var equals = line.IndexOf('=');
            var key = line[..equals].Trim();
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
                throw Error($"\"{key}\" is not a key name");
            return KeyValuePair.Create(key, line[(equals + 1)..].TrimStart());
        }

        private static string? SectionName(string text)
        {
            var line = text.TrimEnd();
            return line.Length > 2 && line[0] == '[' && line[^1] == ']' ? line[1..^1].Trim() : null;
        }

        private static LineKind Classify(string text, out string tag)
        {
            var line = text.TrimEnd();
            tag = "";
            if (line[0] == '<' && line[^1] == '>')
            {
                if (line.Length > 3 && line[1] == '/')
                {
                    tag = line[2..^1].Trim();
                    return LineKind.Close;
                }
                if (line.Length > 3 && line[^2] == '/')
                {
                    tag = line[1..^2].Trim();
                    return LineKind.SelfClosed;
                }
                tag = line[1..^1].Trim();
                return LineKind.Open;
            }
            if (SectionName(line) is not null)
                return LineKind.Section;
            return line.IndexOf('=') > 0 ? LineKind.KeyValue : LineKind.Other;
        }

        private static DataKind? DataKindOf(string tag) => tag.ToLowerInvariant() switch
        {
            "literaldata" or "literaloutput" => DataKind.Literal,
            "complexdata" or "complexoutput" => DataKind.Complex,
            "boundingboxdata" or "boundingboxoutput" => DataKind.BoundingBox,
            _ => null,
        };

        private static bool Is(string tag, string expected) =>
            string.Equals(tag, expected, StringComparison.OrdinalIgnoreCase);
    }

    private enum LineKind
    {
        Section,
        KeyValue,
        Open,
        Close,
        SelfClosed,
        Other,
    }
}
