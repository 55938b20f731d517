using Zoo.Core.Configuration;
using Zoo.Core.Data;

namespace Zoo.Core.Wps.Requests.Execute;

/// <summary>
/// Reads a WPS 1.0.0 KVP Execute: <c>DataInputs=a=1;b=@xlink:href=http://...@mimeType=text/xml</c>,
/// <c>ResponseDocument=out@asReference=true;other</c> or <c>RawDataOutput=out@mimeType=...</c>,
/// and storeExecuteResponse, status, lineage.
/// </summary>
public static class KvpExecuteReader
{
    public static ExecuteRequest Read(ConfigValues parameters, string identifier)
    {
        var inputs = ReadInputs(parameters["DataInputs"]);
        var raw = parameters["RawDataOutput"];
        var outputs = raw is not null ? ReadOutputs(raw) : ReadOutputs(parameters["ResponseDocument"]);
        var status = parameters.IsTrue("status");
        return new ExecuteRequest(identifier, inputs, outputs,
            raw is not null ? ResponseKind.Raw : ResponseKind.Document,
            parameters.IsTrue("lineage"), parameters.IsTrue("storeExecuteResponse"), status,
            status ? ExecutionMode.Async : ExecutionMode.Sync);
    }

    private static List<InputValue> ReadInputs(string? dataInputs)
    {
        var inputs = new List<InputValue>();
        if (string.IsNullOrEmpty(dataInputs))
            return inputs;
        foreach (var part in dataInputs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var segments = Segments(part);
            var first = segments[0];
            var equals = first.IndexOf('=');
            var name = (equals < 0 ? first : first[..equals]).Trim();
            var value = equals < 0 ? "Reference" : Decode(first[(equals + 1)..], name);
            var attributes = new List<KeyValuePair<string, string>>();
            foreach (var segment in segments.Skip(1))
            {
                var at = segment.IndexOf('=');
                attributes.Add(KeyValuePair.Create(segment[..at], Decode(segment[(at + 1)..], name)));
            }
            var attributeMap = new ConfigValues(attributes);
            var href = attributeMap["xlink:href"] ?? attributeMap["href"];
            inputs.Add(href is not null
                ? new InputValue(name, attributeMap, Reference: ReferenceFrom(href, attributeMap))
                : new InputValue(name, attributeMap, Value: value));
        }
        return inputs;
    }

    /// <summary>
    /// Splits <c>value@k=v@k=v</c>; an '@' not followed by <c>key=</c> belongs to the value, so that
    /// values (e-mail addresses, ...) may contain '@'.
    /// </summary>
    private static List<string> Segments(string part)
    {
        var segments = new List<string>();
        foreach (var piece in part.Split('@'))
        {
            var equals = piece.IndexOf('=');
            var isAttribute = segments.Count > 0 && equals > 0 && !piece[..equals].Contains(' ');
            if (isAttribute)
                segments.Add(piece);
            else if (segments.Count == 0)
                segments.Add(piece);
            else
                segments[^1] += "@" + piece;
        }
        return segments;
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
        return new InputReference(href, method.ToUpperInvariant(), headers, attributes["body"], attributes["bodyReference"]);
    }

    private static List<OutputRequest> ReadOutputs(string? list)
    {
        var outputs = new List<OutputRequest>();
        if (string.IsNullOrEmpty(list))
            return outputs;
        foreach (var part in list.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var segments = part.Split('@');
            var attributes = segments.Skip(1)
                .Select(s => s.Split('=', 2))
                .Where(kv => kv.Length == 2)
                .Select(kv => KeyValuePair.Create(kv[0], kv[1]));
            outputs.Add(new OutputRequest(segments[0].Trim(), new ConfigValues(attributes)));
        }
        return outputs;
    }

    /// <summary>ZOO decodes each value once more, so clients may escape ';' and '@' inside values.</summary>
    private static string Decode(string text, string locator) =>
        text.Contains('%') ? KvpReader.Decode(text, locator) : text;
}
