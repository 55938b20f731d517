using System.Globalization;
using System.Text.Json;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>
/// Reads the JSON body of <c>POST /processes/{id}/execution</c> (the standard's execute.yaml): each input as a plain
/// value, a qualified value (<c>value</c> + <c>format</c>), a link (<c>href</c>), a bounding box (<c>bbox</c> +
/// <c>crs</c>), or an array of those for an input given several times; the outputs with their transmission mode and
/// format; <c>response</c>; <c>subscriber</c>. Only what the standard defines is taken from the client: a member
/// named after a key the kernel owns (<c>cache_file</c>...) has no way in.
/// </summary>
public static class JsonExecuteReader
{
    /// <summary>Nesting a request needs: an input's JSON value, inside an array, inside inputs, inside the body.</summary>
    private const int MaxDepth = 64;

    /// <exception cref="ApiException">a body that is empty, too large, not JSON, or not an execute request.</exception>
    public static ExecuteBody Read(RequestBody body, string identifier, ProcessDescription process, Limits limits)
    {
        if (body.IsEmpty)
            throw ApiException.BadRequest("The request body is empty");
        if (body.Length > limits.MaxJsonBytes)
            throw new ApiException("FileSizeExceeded", 413,
                $"An execute request may be at most {limits.MaxJsonBytes} bytes of JSON; give larger data by reference (href).");
        JsonDocument document;
        try
        {
            using var stream = body.OpenRead();
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw ApiException.InvalidParameter($"ZOO-Kernel cannot parse your POST data: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw ApiException.BadRequest("An execute request is a JSON object.");
            if (!root.EnumerateObject().Any(m => m.Name is "inputs" or "outputs" or "response" or "subscriber" or "mode"))
                throw ApiException.BadRequest("The request body holds none of the members of an execute request (inputs, outputs, response, subscriber).");
            if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() != identifier)
                throw ApiException.BadRequest($"The body names process '{id.GetString()}', the path '{identifier}'.");
            var inputs = Inputs(root, process, limits);
            var outputs = Outputs(root, limits);
            var response = Response(root);
            return new ExecuteBody(
                new ExecuteRequest(identifier, inputs, outputs, response ?? ResponseKind.Raw, Lineage: false,
                    StoreExecuteResponse: false, Status: false, ExecutionMode.Sync),
                response, SubscriberOf(root));
        }
    }

    private static List<InputValue> Inputs(JsonElement root, ProcessDescription process, Limits limits)
    {
        var values = new List<InputValue>();
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind == JsonValueKind.Null)
            return values;
        if (inputs.ValueKind != JsonValueKind.Object)
            throw ApiException.InvalidParameter("inputs must be an object keyed by input id.");
        foreach (var input in inputs.EnumerateObject())
        {
            var declared = process.Inputs.FirstOrDefault(i => i.Name.Equals(input.Name, StringComparison.OrdinalIgnoreCase));
            var occurrences = input.Value.ValueKind == JsonValueKind.Array && !IsBoundingBoxArray(input.Value, declared)
                ? input.Value.EnumerateArray().ToList()
                : [input.Value];
            foreach (var occurrence in occurrences)
            {
                if (values.Count == limits.MaxInputs)
                    throw ApiException.InvalidParameter($"An execute request may give at most {limits.MaxInputs} input values.");
                if (occurrence.ValueKind != JsonValueKind.Null)
                    values.Add(Input(input.Name, occurrence, declared));
            }
        }
        return values;
    }

    /// <summary>A bounding box input may not be given as a bare array of numbers: that is the only array it can be confused with.</summary>
    private static bool IsBoundingBoxArray(JsonElement value, IoDescription? declared) =>
        declared?.Data?.Kind == DataKind.BoundingBox && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number);

    private static InputValue Input(string name, JsonElement value, IoDescription? declared)
    {
        var kind = declared?.Data?.Kind;
        var isBox = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("bbox", out _);
        // A bounding box is only ever a box, and only a box input takes one.
        if (kind is not null && isBox != (kind == DataKind.BoundingBox))
            throw ApiException.InvalidParameter($"Wrong type used for input {name}");
        switch (value.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return Plain(name, Text(value), declared, ConfigValues.Empty);
            case JsonValueKind.Object when value.TryGetProperty("href", out var href):
                return Link(name, href, value);
            case JsonValueKind.Object when value.TryGetProperty("bbox", out var box):
                return BoundingBox(name, box, value);
            case JsonValueKind.Object when value.TryGetProperty("value", out var qualified):
                return Qualified(name, qualified, value, declared);
            case JsonValueKind.Object or JsonValueKind.Array when kind == DataKind.Complex:
                return new InputValue(name, Attributes(("mimeType", "application/json")), Value: value.GetRawText());
            default:
                throw ApiException.InvalidParameter($"Wrong type used for input {name}");
        }
    }

    /// <summary>A plain value: a literal's text, or a complex input's data in its declared (or named) format.</summary>
    private static InputValue Plain(string name, string text, IoDescription? declared, ConfigValues format)
    {
        if (declared?.Data?.Kind != DataKind.Complex)
            return new InputValue(name, format, Value: text);
        var mimeType = format["mimeType"] ?? declared.Data.Default?["mimeType"];
        var encoding = format["encoding"] ?? (IsTextual(mimeType) ? null : "base64");
        return new InputValue(name, Attributes(("mimeType", mimeType), ("encoding", encoding), ("schema", format["schema"])), Value: text);
    }

    private static InputValue Qualified(string name, JsonElement value, JsonElement qualified, IoDescription? declared)
    {
        var format = Format(qualified);
        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? new InputValue(name, Attributes(("mimeType", format["mimeType"] ?? "application/json"), ("schema", format["schema"])),
                Value: value.GetRawText())
            : Plain(name, Text(value), declared, format);
    }

    private static InputValue Link(string name, JsonElement href, JsonElement link)
    {
        if (href.ValueKind != JsonValueKind.String || href.GetString() is not { Length: > 0 } url)
            throw ApiException.InvalidParameter($"The href of input {name} must be a URL.");
        var type = link.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new InputValue(name, Attributes(("mimeType", type ?? Format(link)["mimeType"]), ("xlink:href", url)),
            Reference: InputReference.Get(url));
    }

    private static InputValue BoundingBox(string name, JsonElement box, JsonElement value)
    {
        if (box.ValueKind != JsonValueKind.Array || box.GetArrayLength() is not (4 or 6)
            || box.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number))
            throw ApiException.InvalidParameter($"The bbox of input {name} must be 4 or 6 numbers.");
        var numbers = box.EnumerateArray().Select(n => n.GetRawText()).ToArray();
        var half = numbers.Length / 2;
        var crs = value.TryGetProperty("crs", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : half == 3 ? "http://www.opengis.net/def/crs/OGC/0/CRS84h" : "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
        return new InputValue(name, ConfigValues.Empty, BoundingBox: new BoundingBoxValue(crs,
            half.ToString(CultureInfo.InvariantCulture), string.Join(' ', numbers[..half]), string.Join(' ', numbers[half..])));
    }

    private static List<OutputRequest> Outputs(JsonElement root, Limits limits)
    {
        var outputs = new List<OutputRequest>();
        if (!root.TryGetProperty("outputs", out var requested) || requested.ValueKind == JsonValueKind.Null)
            return outputs;
        if (requested.ValueKind != JsonValueKind.Object)
            throw ApiException.InvalidParameter("outputs must be an object keyed by output id.");
        foreach (var output in requested.EnumerateObject())
        {
            if (outputs.Count == limits.MaxOutputs)
                throw ApiException.InvalidParameter($"An execute request may name at most {limits.MaxOutputs} outputs.");
            var options = output.Value.ValueKind == JsonValueKind.Object ? output.Value : default;
            var format = options.ValueKind == JsonValueKind.Object ? Format(options) : ConfigValues.Empty;
            var transmission = options.ValueKind == JsonValueKind.Object && options.TryGetProperty("transmissionMode", out var mode)
                ? mode.GetString()
                : null;
            if (transmission is not (null or "value" or "reference"))
                throw ApiException.InvalidParameter($"The transmissionMode of output {output.Name} must be value or reference.");
            outputs.Add(new OutputRequest(output.Name, Attributes(("mimeType", format["mimeType"]), ("encoding", format["encoding"]),
                ("schema", format["schema"]), ("asReference", transmission == "reference" ? "true" : null))));
        }
        return outputs;
    }

    private static ResponseKind? Response(JsonElement root) =>
        !root.TryGetProperty("response", out var response) ? null
        : response.ValueKind == JsonValueKind.String && response.GetString() is "raw" ? ResponseKind.Raw
        : response.ValueKind == JsonValueKind.String && response.GetString() is "document" ? ResponseKind.Document
        : throw ApiException.InvalidParameter("response must be raw or document.");

    private static Subscriber SubscriberOf(JsonElement root)
    {
        if (!root.TryGetProperty("subscriber", out var subscriber) || subscriber.ValueKind != JsonValueKind.Object)
            return new Subscriber(null, null, null);
        return new Subscriber(Uri(subscriber, "successUri"), Uri(subscriber, "inProgressUri"), Uri(subscriber, "failedUri"));
    }

    /// <summary>A subscriber URI: an absolute http(s) URL, nothing else (the kernel POSTs there).</summary>
    private static Uri? Uri(JsonElement subscriber, string member)
    {
        if (!subscriber.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String && System.Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https")
            return uri;
        throw ApiException.InvalidParameter($"The subscriber's {member} must be an http or https URL.");
    }

    /// <summary>The format a qualified value or link names: <c>format</c> {mediaType, encoding, schema}, or those members bare.</summary>
    private static ConfigValues Format(JsonElement value)
    {
        var source = value.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object ? format : value;
        return Attributes(("mimeType", Member(source, "mediaType") ?? Member(source, "mimeType")), ("encoding", Member(source, "encoding")),
            ("schema", Member(source, "schema")));
    }

    private static string? Member(JsonElement value, string name) =>
        value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    private static ConfigValues Attributes(params (string Key, string? Value)[] pairs) =>
        new(pairs.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value!)));

    /// <summary>Data a client writes as text in JSON; anything else comes base64-encoded (the schema's contentEncoding).</summary>
    public static bool IsTextual(string? mimeType) =>
        mimeType is null
        || mimeType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mimeType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || mimeType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || mimeType.Contains("kml", StringComparison.OrdinalIgnoreCase);
}
