using System.Globalization;
using System.Text;
using System.Xml;
using Zoo.Core.Configuration;
using Zoo.Core.Wps;

namespace Zoo.Core.Xml;

/// <summary>
/// A forward-only reader over an XML request within the request limits: no DTD (so no entity is ever
/// expanded or fetched), markup tokens bounded and CDATA streamed (<see cref="XmlGuardStream"/>), nesting
/// bounded, and the texts it collects bounded. Every refusal is the client's error: an ExceptionReport
/// with locator <c>request</c>, never an exception of the parser escaping.
/// </summary>
public sealed class BoundedXmlReader : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly XmlReader _reader;
    private readonly Limits _limits;
    private readonly char[] _chunk = new char[4096];

    private BoundedXmlReader(XmlReader reader, Limits limits)
    {
        _reader = reader;
        _limits = limits;
    }

    /// <exception cref="WpsException">the first bytes are already refused (the parser reads ahead as it opens).</exception>
    public static BoundedXmlReader Open(Stream document, Limits limits) =>
        new(Guarded(() => XmlReader.Create(new XmlGuardStream(document, limits.MaxXmlTokenBytes), Settings)), limits);

    /// <summary>The underlying reader, positioned where the last call left it.</summary>
    public XmlReader Reader => _reader;

    public Limits Limits => _limits;

    /// <summary>The next node; false at the end of the document.</summary>
    /// <exception cref="WpsException">the document is malformed, too deep, or refused by the guard.</exception>
    public bool Read()
    {
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (Exception e) when (IsParserRefusal(e))
        {
            throw Refusal(e);
        }
        if (more && _reader.Depth > _limits.MaxXmlDepth)
            throw new WpsException("InvalidParameterValue", "request",
                $"The XML request is nested deeper than {_limits.MaxXmlDepth.ToString(CultureInfo.InvariantCulture)} levels.");
        return more;
    }

    /// <summary>The next characters of the text node the reader is on (0 at its end), into <paramref name="buffer"/>.</summary>
    /// <exception cref="WpsException">the text is malformed or refused by the guard.</exception>
    public int ReadValueChunk(char[] buffer)
    {
        try
        {
            return _reader.ReadValueChunk(buffer, 0, buffer.Length);
        }
        catch (Exception e) when (IsParserRefusal(e))
        {
            throw Refusal(e);
        }
    }

    /// <summary>Moves to the next element that starts at <paramref name="depth"/>, before the end of the element that contains it.</summary>
    /// <returns>false when the containing element ended (the reader then rests on its end).</returns>
    public bool NextChildElement(int depth)
    {
        while (Read())
        {
            if (_reader.Depth < depth)
                return false;
            if (_reader.Depth == depth && _reader.NodeType == XmlNodeType.Element)
                return true;
            if (_reader.Depth == depth - 1 && _reader.NodeType == XmlNodeType.EndElement)
                return false;
        }
        return false;
    }

    /// <summary>
    /// The text of the current element and its descendants (ignoring markup), which must fit the token limit;
    /// leaves the reader on the element's end.
    /// </summary>
    public string ReadText(string what)
    {
        if (_reader.IsEmptyElement)
            return "";
        var depth = _reader.Depth;
        var text = new StringBuilder();
        while (Read() && _reader.Depth > depth)
        {
            if (_reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                continue;
            int read;
            while ((read = ReadValueChunk(_chunk)) > 0)
            {
                if (text.Length + read > _limits.MaxXmlTokenBytes)
                    throw new WpsException("InvalidParameterValue", what,
                        $"The value of {what} is longer than {_limits.MaxXmlTokenBytes.ToString(CultureInfo.InvariantCulture)} characters.");
                text.Append(_chunk, 0, read);
            }
        }
        return text.ToString();
    }

    /// <summary>An attribute of the current element, or null.</summary>
    public string? Attribute(string name) => _reader.GetAttribute(name);

    public string? Attribute(string localName, string namespaceUri) => _reader.GetAttribute(localName, namespaceUri);

    public void Dispose() => _reader.Dispose();

    /// <summary>Runs a parser call, turning what it throws into the client's ExceptionReport.</summary>
    public static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsParserRefusal(e))
        {
            throw Refusal(e);
        }
    }

    private static bool IsParserRefusal(Exception e) => e is XmlException or XmlGuardException or DecoderFallbackException;

    private static WpsException Refusal(Exception e) => e switch
    {
        XmlException xml => Messages.UnreadableXml(xml.Message),
        XmlGuardException guard => new WpsException("InvalidParameterValue", "request", guard.Message),
        _ => Messages.UnreadableXml("the document is not valid in its encoding."),
    };
}
