using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Responses;

/// <summary>
/// A JSON document as the kernel writes it: compact, and with markup left readable (<c>&lt;a/&gt;</c>, not
/// <c>\u003Ca/\u003E</c>), as ZOO writes it; it is served as JSON, never embedded in HTML.
/// </summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Bytes(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
            node.WriteTo(writer);
        return buffer.ToArray();
    }

    public static string Of(JsonNode node) => Encoding.UTF8.GetString(Bytes(node));
}
