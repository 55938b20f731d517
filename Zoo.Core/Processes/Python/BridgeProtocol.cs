using System.Text.Json;

namespace Zoo.Core.Processes.Python;

/// <summary>
/// The JSON the kernel and zoo_bridge.py exchange: maps of strings, <c>{"$bytes": base64}</c> for
/// binary values, <c>{"$file": path}</c> for data in a file (the bridge reads it: text when UTF-8, bytes
/// otherwise; with <c>"$as": "base64"</c>, its base64 text), lists for inputs given several times.
/// </summary>
public static class BridgeProtocol
{
    private const string BytesKey = "$bytes";
    private const string FileKey = "$file";
    private const string AsKey = "$as";

    public static void WriteMaps(Utf8JsonWriter writer, string name, ZooMaps maps)
    {
        writer.WriteStartObject(name);
        foreach (var (mapName, map) in maps)
        {
            writer.WriteStartObject(mapName);
            foreach (var (key, value) in map)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, value);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static ZooMaps ReadMaps(JsonElement element)
    {
        var maps = new ZooMaps();
        if (element.ValueKind != JsonValueKind.Object)
            return maps;
        foreach (var section in element.EnumerateObject())
        {
            var map = maps.GetOrAdd(section.Name);
            if (section.Value.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var property in section.Value.EnumerateObject())
            {
                if (ReadValue(property.Value) is { } value)
                    map[property.Name] = value;
            }
        }
        return maps;
    }

    private static void WriteValue(Utf8JsonWriter writer, MapValue value)
    {
        switch (value)
        {
            case TextValue text:
                writer.WriteStringValue(text.Text);
                break;
            case BytesValue bytes:
                writer.WriteStartObject();
                writer.WriteBase64String(BytesKey, bytes.Bytes);
                writer.WriteEndObject();
                break;
            case FileValue file:
                writer.WriteStartObject();
                writer.WriteString(FileKey, file.Path);
                if (file.AsBase64)
                    writer.WriteString(AsKey, "base64");
                writer.WriteEndObject();
                break;
            case ListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                    WriteValue(writer, item);
                writer.WriteEndArray();
                break;
        }
    }

    private static MapValue? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new TextValue(element.GetString()!),
        JsonValueKind.Object when element.TryGetProperty(BytesKey, out var bytes) => new BytesValue(bytes.GetBytesFromBase64()),
        JsonValueKind.Array => new ListValue(element.EnumerateArray().Select(ReadValue).OfType<MapValue>().ToList()),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => new TextValue(element.GetRawText()),
    };
}
