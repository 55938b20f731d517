using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Data;

namespace Zoo.Core.Wps.Requests.Execute;

/// <summary>
/// Reads a WPS 1.0.0 KVP Execute: <c>DataInputs=a=1;b=@xlink:href=http://...@mimeType=text/xml</c>,
/// <c>ResponseDocument=out@asReference=true;other</c> or <c>RawDataOutput=out@mimeType=...</c>,
/// and storeExecuteResponse, status, lineage. One pass over each list, whatever it holds.
/// <para>
/// Only the attributes of ZOO's KVP grammar are taken from a client (<see cref="InputAttributes"/>,
/// <see cref="OutputAttributes"/>); any other <c>@key=value</c> is dropped, so that a client can never set a key the
/// kernel owns (<c>cache_file</c>, <c>size</c>, <c>isArray</c>...).
/// </para>
/// </summary>
public static class KvpExecuteReader
{
    public static readonly IReadOnlyList<string> InputAttributes =
        ["mimeType", "encoding", "schema", "uom", "dataType", "xlink:href", "href", "headers", "method", "body"];

    public static readonly IReadOnlyList<string> OutputAttributes = ["asReference", "mimeType", "encoding", "schema", "uom"];

    /// <exception cref="WpsException">more inputs or outputs than the limits allow, or a value that is not UTF-8.</exception>
    public static ExecuteRequest Read(ConfigValues parameters, string identifier, Limits limits)
    {
        var inputs = ReadInputs(parameters["DataInputs"], limits);
        var raw = parameters["RawDataOutput"];
        var outputs = ReadOutputs(raw ?? parameters["ResponseDocument"], raw is not null ? "RawDataOutput" : "ResponseDocument", limits);
        var status = parameters.IsTrue("status");
        return new ExecuteRequest(identifier, inputs, outputs,
            raw is not null ? ResponseKind.Raw : ResponseKind.Document,
            parameters.IsTrue("lineage"), parameters.IsTrue("storeExecuteResponse"), status,
            status ? ExecutionMode.Async : ExecutionMode.Sync);
    }

    private static List<InputValue> ReadInputs(string? dataInputs, Limits limits)
    {
        var inputs = new List<InputValue>();
        if (string.IsNullOrEmpty(dataInputs))
            return inputs;
        foreach (var part in dataInputs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (inputs.Count == limits.MaxInputs)
                throw Messages.TooManyValues("DataInputs", limits.MaxInputs, "input values");
            var (first, attributes) = Segments(part, InputAttributes);
            var equals = first.IndexOf('=');
            var name = (equals < 0 ? first : first[..equals]).Trim();
            var value = equals < 0 ? "Reference" : Decode(first[(equals + 1)..], name);
            var decoded = new ConfigValues(attributes.Select(a => KeyValuePair.Create(a.Key, Decode(a.Value, name))));
            var href = decoded["xlink:href"] ?? decoded["href"];
            inputs.Add(href is not null
                ? new InputValue(name, decoded, Reference: ReferenceFrom(href, decoded))
                : new InputValue(name, decoded, Value: value));
        }
        return inputs;
    }

    /// <summary>
    /// Splits <c>value@k=v@k=v</c>: a piece that is a known attribute starts an attribute; any other piece
    /// belongs to what precedes it, with its '@' (values such as e-mail addresses contain '@'). Known names
    /// are matched without regard to case and kept in their canonical spelling.
    /// </summary>
    private static (string First, List<KeyValuePair<string, string>> Attributes) Segments(string part, IReadOnlyList<string> known)
    {
        var first = new StringBuilder();
        var attributes = new List<KeyValuePair<string, string>>();
        // Where a piece without '=' goes: the value, the attribute being read, or nowhere (a dropped attribute's).
        var target = first;
        string? name = null;
        var rest = part.AsSpan();
        for (var i = 0; ; i++)
        {
            var at = rest.IndexOf('@');
            var piece = at < 0 ? rest : rest[..at];
            var equals = piece.IndexOf('=');
            if (i > 0 && equals > 0 && !piece[..equals].Contains(' '))
            {
                Close(attributes, name, target);
                // An attribute the grammar does not know is read (so that its value does not join the input's) and dropped.
                name = Known(known, piece[..equals]);
                target = name is null ? null : new StringBuilder().Append(piece[(equals + 1)..]);
            }
            else if (target is not null)
            {
                if (i > 0)
                    target.Append('@');
                target.Append(piece);
            }
            if (at < 0)
                break;
            rest = rest[(at + 1)..];
        }
        Close(attributes, name, target);
        return (first.ToString(), attributes);
    }

    private static string? Known(IReadOnlyList<string> known, ReadOnlySpan<char> key)
    {
        foreach (var name in known)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return name;
        }
        return null;
    }

    private static void Close(List<KeyValuePair<string, string>> attributes, string? name, StringBuilder? value)
    {
        if (name is not null && value is not null)
            attributes.Add(KeyValuePair.Create(name, value.ToString()));
    }

    private static InputReference ReferenceFrom(string href, ConfigValues attributes)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (attributes["headers"] is { } headerList)
        {
            foreach (var header in headerList.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = header.IndexOf(':');
                if (colon > 0)
                    headers.Add(KeyValuePair.Create(header[..colon].Trim(), header[(colon + 1)..].Trim()));
            }
        }
        var method = attributes["method"] ?? (attributes["body"] is null ? "GET" : "POST");
        return new InputReference(href, method.ToUpperInvariant(), headers, attributes["body"], null);
    }

    private static List<OutputRequest> ReadOutputs(string? list, string locator, Limits limits)
    {
        var outputs = new List<OutputRequest>();
        if (string.IsNullOrEmpty(list))
            return outputs;
        foreach (var part in JoinParameters(list.Split(';', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (outputs.Count == limits.MaxOutputs)
                throw Messages.TooManyValues(locator, limits.MaxOutputs, "outputs");
            var (name, attributes) = Segments(part, OutputAttributes);
            outputs.Add(new OutputRequest(name.Trim(), new ConfigValues(attributes)));
        }
        return outputs;
    }

    /// <summary>
    /// <c>Result@mimeType=text/xml;subtype=gml/3.1.1</c>: a piece that starts with <c>key=</c> is not an output but
    /// the parameter of the mime type before it, which the split on ';' cut off.
    /// </summary>
    private static IEnumerable<string> JoinParameters(IEnumerable<string> pieces)
    {
        StringBuilder? current = null;
        foreach (var piece in pieces)
        {
            var at = piece.IndexOf('@');
            var head = at < 0 ? piece : piece[..at];
            if (current is not null && head.Contains('='))
            {
                current.Append(';').Append(piece);
                continue;
            }
            if (current is not null)
                yield return current.ToString();
            current = new StringBuilder(piece);
        }
        if (current is not null)
            yield return current.ToString();
    }

    /// <summary>ZOO decodes each value once more, so clients may escape ';' and '@' inside values.</summary>
    private static string Decode(string text, string locator) =>
        text.Contains('%') ? KvpReader.Decode(text, locator) : text;
}
