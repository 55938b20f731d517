using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>
/// Results asked raw (<c>response=raw</c>): one output by value is its data with its media type; outputs by reference
/// only are a 204 with a <c>Link</c> header each; several outputs are a <c>multipart/related</c> body (RFC 2387), a part
/// each, named by <c>Content-ID</c>. Made from the results document, so that a job's stored results serve it too.
/// </summary>
public static class RawResults
{
    public static CgiResponse Build(ApiContext context, JsonObject results)
    {
        var entries = results.Where(e => !e.Key.Contains('.')).ToList();
        if (entries.Count > 0 && entries.All(e => Href(e.Value) is not null))
            return JsonResponse.Bytes(context, 204, [], null,
                entries.Select(e => KeyValuePair.Create("Link", $"<{Href(e.Value)}>; rel=\"{e.Key}\"")).ToList());
        if (entries.Count == 1)
        {
            var (type, body) = Part(entries[0].Value);
            return JsonResponse.Bytes(context, 200, body, type);
        }
        var boundary = "zoo-" + Guid.NewGuid().ToString("N");
        var multipart = new MemoryStream();
        foreach (var (id, value) in entries)
        {
            var head = new StringBuilder($"--{boundary}\r\nContent-ID: <{id}>\r\n");
            byte[] body = [];
            if (Href(value) is { } href)
                head.Append("Content-Location: ").Append(href).Append("\r\n")
                    .Append("Content-Type: ").Append(value?["type"]?.GetValue<string>() ?? "application/octet-stream").Append("\r\n");
            else
            {
                (var type, body) = Part(value);
                head.Append("Content-Type: ").Append(type).Append("\r\n");
            }
            multipart.Write(Encoding.UTF8.GetBytes(head.Append("\r\n").ToString()));
            multipart.Write(body);
            multipart.Write("\r\n"u8);
        }
        multipart.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        var first = entries.FirstOrDefault().Key ?? "";
        return JsonResponse.Bytes(context, 200, multipart.ToArray(),
            $"multipart/related; boundary=\"{boundary}\"; start=\"<{first}>\"");
    }

    private static string? Href(JsonNode? value) =>
        value is JsonObject link && link["href"] is JsonValue href && href.TryGetValue<string>(out var text) ? text : null;

    /// <summary>One output's data and media type.</summary>
    private static (string Type, byte[] Body) Part(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject box when box.ContainsKey("bbox"):
                return (JsonResponse.ContentType, JsonText.Bytes(box));
            case JsonObject qualified when qualified["value"] is { } data:
                var format = qualified["format"] as JsonObject;
                var mediaType = Text(format?["mediaType"]) ?? "text/plain";
                if (data is JsonValue text && text.TryGetValue<string>(out var s))
                    return string.Equals(Text(format?["encoding"]), "base64", StringComparison.OrdinalIgnoreCase)
                        ? (mediaType, Convert.FromBase64String(s))
                        : ($"{mediaType}; charset=utf-8", Encoding.UTF8.GetBytes(s));
                return (mediaType, JsonText.Bytes(data));
            case JsonValue literal:
                return ("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(literal.GetValueKind() == JsonValueKind.String
                    ? literal.GetValue<string>()
                    : JsonText.Of(literal)));
            default:
                return (JsonResponse.ContentType, value is null ? "null"u8.ToArray() : JsonText.Bytes(value));
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
