using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>
/// The results document (the standard's results.yaml): each output keyed by its id, as a bare literal of its type, a
/// bounding box, a qualified value (<c>value</c> + <c>format</c>: parsed JSON, text, or base64 for binary data), or a
/// link (<c>href</c>) when it was stored by reference. An output published with inner outputs (download, WMS...) gives
/// a link to the first, and each inner one under <c>output.inner</c>.
/// </summary>
public static class ResultsDocument
{
    public static JsonObject Build(IReadOnlyList<ProducedOutput> outputs)
    {
        var document = new JsonObject();
        foreach (var output in outputs)
        {
            if (output.Inner.Count > 0)
            {
                document[output.Name] = Value(output.Inner[0]);
                foreach (var inner in output.Inner)
                    document[$"{output.Name}.{inner.Name}"] = Value(inner);
            }
            else
                document[output.Name] = Value(output);
        }
        return document;
    }

    private static JsonNode? Value(ProducedOutput output)
    {
        var mimeType = output.Text("mimeType");
        if (output.ReferenceUrl is { } href)
            return mimeType is null ? new JsonObject { ["href"] = href } : new JsonObject { ["href"] = href, ["type"] = mimeType };
        return output.Kind switch
        {
            DataKind.Literal => Literal(output),
            DataKind.BoundingBox => BoundingBox(output),
            _ => Complex(OutputCollector.Content(output.Map), mimeType ?? "text/plain"),
        };
    }

    private static JsonNode? Literal(ProducedOutput output)
    {
        var text = output.Map["value"]?.ToString() ?? "";
        var dataType = output.Text("dataType") ?? output.Declaration.Data?.Default?["dataType"];
        return dataType?.ToLowerInvariant() switch
        {
            "integer" or "int" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => whole,
            "float" or "double" or "decimal" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                                                  && double.IsFinite(real) => real,
            "boolean" or "bool" => text is "true" or "1",
            null => new JsonObject { ["value"] = text },
            _ => text,
        };
    }

    private static JsonObject BoundingBox(ProducedOutput output)
    {
        var value = output.Map["value"]?.ToString() ?? "";
        var numbers = new JsonArray();
        foreach (var number in value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                numbers.Add((JsonNode)parsed);
        }
        return new JsonObject
        {
            ["bbox"] = numbers,
            ["crs"] = output.Text("crs") ?? output.Declaration.Data?.Default?["CRS"] ?? "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        };
    }

    private static JsonObject Complex(byte[] content, string mimeType)
    {
        if (mimeType.Contains("json", StringComparison.OrdinalIgnoreCase) && ParsedJson(content) is { } json)
            return new JsonObject { ["value"] = json, ["format"] = new JsonObject { ["mediaType"] = mimeType } };
        if (JsonExecuteReader.IsTextual(mimeType) && Utf8(content) is { } text)
            return new JsonObject { ["value"] = text, ["format"] = new JsonObject { ["mediaType"] = mimeType } };
        return new JsonObject
        {
            ["value"] = Convert.ToBase64String(content),
            ["format"] = new JsonObject { ["mediaType"] = mimeType, ["encoding"] = "base64" },
        };
    }

    private static JsonNode? ParsedJson(byte[] content)
    {
        try
        {
            return JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static string? Utf8(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
