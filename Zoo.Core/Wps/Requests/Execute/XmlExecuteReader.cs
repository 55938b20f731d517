using System.Text;
using System.Xml;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Requests.Execute;

/// <summary>
/// Reads a <c>wps:Execute</c> document, WPS 1.0.0 (DataInputs, ResponseForm) or 2.0.0 (Input, Output, mode,
/// response), as it streams: inline complex data goes straight into its input file (inline XML copied as it
/// came, never re-indented; text and CDATA as UTF-8; base64 decoded), bounded by the input's
/// <c>maximumMegabytes</c>; everything else it keeps is bounded by the request limits.
/// </summary>
public sealed class XmlExecuteReader
{
    private static readonly XmlWriterSettings CopySettings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(false),
        ConformanceLevel = ConformanceLevel.Fragment,
        CloseOutput = false,
    };

    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";

    private readonly BoundedXmlReader _reader;
    private readonly Func<string, IoDescription?> _declared;
    private readonly InputFiles _files;
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<InputValue> _inputs = [];
    private readonly char[] _chunk = new char[4096];

    private XmlExecuteReader(BoundedXmlReader reader, Func<string, IoDescription?> declared, InputFiles files)
    {
        _reader = reader;
        _declared = declared;
        _files = files;
    }

    private XmlReader Xml => _reader.Reader;
    private Limits Limits => _files.Limits;

    /// <param name="declared">the service's input of a name (nested ones as <c>parent.child</c>), or null when it has none.</param>
    /// <exception cref="WpsException">malformed or over a limit: the client's error.</exception>
    public static ExecuteRequest Read(RequestBody body, WpsVersion version, string identifier,
        Func<string, IoDescription?> declared, InputFiles files)
    {
        using var reader = BoundedXmlReader.Open(body.OpenRead(), files.Limits);
        XmlRequestReader.MoveToOperation(reader);
        var execute = new XmlExecuteReader(reader, declared, files);
        return version.IsV1 ? execute.Read10(identifier) : execute.Read20(identifier);
    }

    private ExecuteRequest Read10(string identifier)
    {
        var outputs = new List<OutputRequest>();
        var raw = false;
        bool lineage = false, store = false, status = false;
        var depth = Xml.Depth + 1;
        while (_reader.NextChildElement(depth))
        {
            switch (Xml.LocalName)
            {
                case "DataInputs":
                    while (_reader.NextChildElement(depth + 1))
                    {
                        if (Xml.LocalName == "Input")
                            Input10();
                    }
                    break;
                case "ResponseForm":
                    while (_reader.NextChildElement(depth + 1))
                    {
                        if (Xml.LocalName == "RawDataOutput")
                        {
                            raw = true;
                            outputs.Clear();
                            AddOutput(outputs, Output10(), "RawDataOutput");
                        }
                        else if (Xml.LocalName == "ResponseDocument" && !raw)
                        {
                            (lineage, store, status) = (IsTrue("lineage"), IsTrue("storeExecuteResponse"), IsTrue("status"));
                            while (_reader.NextChildElement(depth + 2))
                            {
                                if (Xml.LocalName == "Output")
                                    AddOutput(outputs, Output10(), "ResponseDocument");
                            }
                        }
                    }
                    break;
            }
        }
        return new ExecuteRequest(identifier, _inputs, outputs, raw ? ResponseKind.Raw : ResponseKind.Document,
            lineage, store, status, status ? ExecutionMode.Async : ExecutionMode.Sync);
    }

    /// <summary>ows:Identifier first (the schema's order), then wps:Reference or wps:Data.</summary>
    private void Input10()
    {
        var depth = Xml.Depth + 1;
        string? name = null;
        while (_reader.NextChildElement(depth))
        {
            switch (Xml.LocalName)
            {
                case "Identifier":
                    name = _reader.ReadText("Identifier").Trim();
                    break;
                case "Reference":
                    Add(new InputValue(NameBefore(name), Attributes("mimeType", "encoding", "schema"), Reference: Reference()));
                    break;
                case "Data":
                    var inputName = NameBefore(name);
                    while (_reader.NextChildElement(depth + 1))
                    {
                        switch (Xml.LocalName)
                        {
                            case "LiteralData":
                                Add(Literal(inputName, Attributes("dataType", "uom")));
                                break;
                            case "BoundingBoxData":
                                Add(BoundingBox(inputName));
                                break;
                            case "ComplexData":
                                Add(Complex(inputName, Attributes("mimeType", "encoding", "schema")));
                                break;
                        }
                    }
                    break;
            }
        }
    }

    private OutputRequest Output10()
    {
        var attributes = Attributes("asReference", "mimeType", "encoding", "schema", "uom");
        var name = "";
        if (!Xml.IsEmptyElement)
        {
            var depth = Xml.Depth + 1;
            while (_reader.NextChildElement(depth))
            {
                if (Xml.LocalName == "Identifier")
                    name = _reader.ReadText("Identifier").Trim();
            }
        }
        return new OutputRequest(name, attributes);
    }

    private ExecuteRequest Read20(string identifier)
    {
        var mode = (Xml.GetAttribute("mode") ?? "sync").ToLowerInvariant() switch
        {
            "async" => ExecutionMode.Async,
            "auto" => ExecutionMode.Auto,
            _ => ExecutionMode.Sync,
        };
        var raw = string.Equals(Xml.GetAttribute("response"), "raw", StringComparison.OrdinalIgnoreCase);
        var outputs = new List<OutputRequest>();
        var depth = Xml.Depth + 1;
        while (_reader.NextChildElement(depth))
        {
            if (Xml.LocalName == "Input")
                Input20("");
            else if (Xml.LocalName == "Output")
                Output20("", outputs);
        }
        return new ExecuteRequest(identifier, _inputs, outputs, raw ? ResponseKind.Raw : ResponseKind.Document,
            Lineage: false, StoreExecuteResponse: mode != ExecutionMode.Sync, Status: mode != ExecutionMode.Sync, mode);
    }

    /// <summary>A 2.0 output, or the inner outputs nested in it (asked for as <c>parent.child</c>, as WPS 1.0.0 names them).</summary>
    private void Output20(string prefix, List<OutputRequest> outputs)
    {
        var output = new OutputRequest(prefix + (Xml.GetAttribute("id") ?? ""), Attributes("transmission", "mimeType", "encoding", "schema"));
        var nested = false;
        if (!Xml.IsEmptyElement)
        {
            var depth = Xml.Depth + 1;
            while (_reader.NextChildElement(depth))
            {
                if (Xml.LocalName != "Output")
                    continue;
                nested = true;
                Output20(output.Name + ".", outputs);
            }
        }
        if (!nested)
            AddOutput(outputs, output, "Output");
    }

    /// <summary>A 2.0 input, or the inputs nested in it (published to the service as <c>parent.child</c>).</summary>
    private void Input20(string prefix)
    {
        var name = prefix + (Xml.GetAttribute("id") ?? "");
        if (Xml.IsEmptyElement)
            return;
        var depth = Xml.Depth + 1;
        while (_reader.NextChildElement(depth))
        {
            switch (Xml.LocalName)
            {
                case "Input":
                    Input20(name + ".");
                    break;
                case "Reference":
                    Add(new InputValue(name, Attributes("mimeType", "encoding", "schema"), Reference: Reference()));
                    break;
                case "Data":
                    Add(Data20(name));
                    break;
            }
        }
    }

    /// <summary>wps:Data holds a wps:LiteralValue, an ows:BoundingBox, or the complex data itself: the service's declaration says which.</summary>
    private InputValue Data20(string name)
    {
        var attributes = Attributes("mimeType", "encoding", "schema");
        var kind = _declared(name)?.Data?.Kind ?? DataKind.Literal;
        if (kind == DataKind.Complex)
            return Complex(name, attributes);
        if (Xml.IsEmptyElement)
            return new InputValue(name, attributes, Value: "");
        var depth = Xml.Depth + 1;
        InputValue? value = null;
        while (ReadWithin(depth - 1))
        {
            if (Xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && Xml.Depth == depth && value is null)
                value = new InputValue(name, attributes, Value: ReadValue(name));
            else if (Xml.NodeType == XmlNodeType.Element && Xml.Depth == depth && Xml.LocalName == "LiteralValue")
                value = Literal(name, new ConfigValues(attributes.Concat(Attributes("dataType", "uom"))));
            else if (Xml.NodeType == XmlNodeType.Element && Xml.Depth == depth && Xml.LocalName == "BoundingBox")
                value = BoundingBox(name);
        }
        return value ?? new InputValue(name, attributes, Value: "");
    }

    private InputValue Literal(string name, ConfigValues attributes) =>
        new(name, attributes, Value: _reader.ReadText(name));

    private InputValue BoundingBox(string name)
    {
        var attributes = Attributes("crs", "dimensions");
        string lower = "", upper = "";
        if (!Xml.IsEmptyElement)
        {
            var depth = Xml.Depth + 1;
            while (_reader.NextChildElement(depth))
            {
                if (Xml.LocalName == "LowerCorner")
                    lower = _reader.ReadText(name).Trim();
                else if (Xml.LocalName == "UpperCorner")
                    upper = _reader.ReadText(name).Trim();
            }
        }
        return new InputValue(name, attributes, BoundingBox: new BoundingBoxValue(attributes["crs"], attributes["dimensions"], lower, upper));
    }

    /// <summary>
    /// Complex data by value, streamed into its input file: child elements as XML (text between them ignored),
    /// otherwise the text (and CDATA), base64-decoded when its encoding says so. The reader rests on the end of
    /// the element holding the data.
    /// </summary>
    private InputValue Complex(string name, ConfigValues attributes)
    {
        var input = _declared(name);
        var encoding = attributes["encoding"] ?? input?.Data?.Default?["encoding"];
        using var file = _files.Create(input, input is null ? name : NameOf(name, input), _occurrences.GetValueOrDefault(name),
            attributes["mimeType"] ?? input?.Data?.Default?["mimeType"]);
        var isXml = false;
        if (!Xml.IsEmptyElement)
        {
            var depth = Xml.Depth;
            var text = new ComplexText(_reader, file, string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase), name);
            XmlWriter? copy = null;
            try
            {
                while (ReadWithin(depth))
                {
                    if (Xml.Depth == depth + 1 && Xml.NodeType == XmlNodeType.Element)
                    {
                        copy ??= XmlWriter.Create(file.AsStream(), CopySettings);
                        text.DropBlanks();
                        isXml = true;
                        CopyElement(copy);
                    }
                    else if (!isXml && Xml.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                        text.AddBlanks();
                    else if (!isXml && Xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                        text.Add();
                }
                if (!isXml)
                    text.Finish();
            }
            finally
            {
                copy?.Dispose();
            }
        }
        var data = file.Commit(isXml);
        return new InputValue(name, attributes, Data: data, Value: data is null ? "" : null);
    }

    /// <summary>Copies the element the reader is on, with its attributes and content, node by node (the depth stays checked).</summary>
    private void CopyElement(XmlWriter copy)
    {
        var depth = Xml.Depth;
        do
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Element:
                    copy.WriteStartElement(Xml.Prefix, Xml.LocalName, Xml.NamespaceURI);
                    copy.WriteAttributes(Xml, defattr: false);
                    if (Xml.IsEmptyElement)
                        copy.WriteEndElement();
                    break;
                case XmlNodeType.EndElement:
                    copy.WriteFullEndElement();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = _reader.ReadValueChunk(_chunk)) > 0)
                        copy.WriteChars(_chunk, 0, read);
                    break;
            }
            if (Xml.Depth == depth && (Xml.NodeType == XmlNodeType.EndElement || Xml.IsEmptyElement))
                break;
        }
        while (_reader.Read());
    }

    private InputReference Reference()
    {
        var href = Xml.GetAttribute("href", XlinkNamespace) ?? Xml.GetAttribute("href") ?? "";
        var method = Xml.GetAttribute("method");
        var headers = new List<KeyValuePair<string, string>>();
        string? body = null, bodyReference = null;
        if (!Xml.IsEmptyElement)
        {
            var depth = Xml.Depth + 1;
            while (_reader.NextChildElement(depth))
            {
                switch (Xml.LocalName)
                {
                    case "Header" when Xml.GetAttribute("key") is { Length: > 0 } key:
                        headers.Add(KeyValuePair.Create(key, Xml.GetAttribute("value") ?? ""));
                        break;
                    case "Body":
                        body = BodyContent();
                        break;
                    case "BodyReference":
                        bodyReference = Xml.GetAttribute("href", XlinkNamespace) ?? Xml.GetAttribute("href");
                        break;
                }
            }
        }
        method ??= body is null && bodyReference is null ? "GET" : "POST";
        return new InputReference(href, method.ToUpperInvariant(), headers, body, bodyReference);
    }

    /// <summary>A POST body given inline: its elements as XML, or its text; held in memory, so bounded like a value.</summary>
    private string BodyContent()
    {
        if (Xml.IsEmptyElement)
            return "";
        var depth = Xml.Depth;
        var held = new BoundedBuffer(Limits.MaxXmlTokenBytes);
        var text = new StringBuilder();
        using (var copy = XmlWriter.Create(held, CopySettings))
        {
            var hasElements = false;
            while (ReadWithin(depth))
            {
                if (Xml.Depth == depth + 1 && Xml.NodeType == XmlNodeType.Element)
                {
                    hasElements = true;
                    CopyElement(copy);
                }
                else if (!hasElements && Xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    text.Append(ReadValue("Body"));
                if (held.Length + text.Length > Limits.MaxXmlTokenBytes)
                    throw Messages.TooLarge("body of a reference", Limits.MaxXmlTokenBytes);
            }
            if (!hasElements)
                return text.ToString();
        }
        return Encoding.UTF8.GetString(held.GetBuffer(), 0, (int)held.Length);
    }

    /// <summary>A buffer that refuses to grow past its limit, so that what it holds never exceeds it.</summary>
    private sealed class BoundedBuffer(int maxBytes) : MemoryStream
    {
        // MemoryStream sends a derived type's span writes here.
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > maxBytes)
                throw Messages.TooLarge("body of a reference", maxBytes);
            base.Write(buffer, offset, count);
        }
    }

    /// <summary>Reads the next node inside the element at <paramref name="depth"/>; false on its end.</summary>
    private bool ReadWithin(int depth) =>
        _reader.Read() && !(Xml.Depth == depth && Xml.NodeType == XmlNodeType.EndElement) && Xml.Depth > depth;

    private string ReadValue(string what)
    {
        var value = new StringBuilder();
        int read;
        while ((read = _reader.ReadValueChunk(_chunk)) > 0)
        {
            if (value.Length + read > Limits.MaxXmlTokenBytes)
                throw Messages.TooLarge($"value of {what}", Limits.MaxXmlTokenBytes);
            value.Append(_chunk, 0, read);
        }
        return value.ToString();
    }

    /// <summary>Adds a value; its position among the values of its input numbers its input file (from 0).</summary>
    private void Add(InputValue value)
    {
        if (_inputs.Count == Limits.MaxInputs)
            throw Messages.TooManyValues("DataInputs", Limits.MaxInputs, "input values");
        _inputs.Add(value);
        _occurrences[value.Name] = _occurrences.GetValueOrDefault(value.Name) + 1;
    }

    private void AddOutput(List<OutputRequest> outputs, OutputRequest output, string locator)
    {
        if (outputs.Count == Limits.MaxOutputs)
            throw Messages.TooManyValues(locator, Limits.MaxOutputs, "outputs");
        outputs.Add(output);
    }

    /// <summary>The input's name as its service spells it (requests may differ in case), keeping a nested input's prefix.</summary>
    private static string NameOf(string requested, IoDescription input) =>
        requested.Length > input.Name.Length ? requested[..^input.Name.Length] + input.Name : input.Name;

    private static string NameBefore(string? name) =>
        name ?? throw new WpsException("InvalidParameterValue", "request",
            "An Input of the Execute request must give its ows:Identifier before its data.");

    private ConfigValues Attributes(params string[] names)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            if (Xml.GetAttribute(name) is { } value)
                pairs.Add(KeyValuePair.Create(name, value));
        }
        return new ConfigValues(pairs);
    }

    private bool IsTrue(string attribute) =>
        string.Equals(Xml.GetAttribute(attribute), "true", StringComparison.OrdinalIgnoreCase);
}
