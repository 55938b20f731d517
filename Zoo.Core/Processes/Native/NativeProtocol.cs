using System.Text.Json;
using Zoo.Core.Processes.Python;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// The JSON the kernel and its <c>--run-c</c> child exchange, maps written as for the Python bridge
/// (<see cref="BridgeProtocol"/>): the request <c>{library, function, conf, inputs, outputs}</c> on the child's
/// standard input, the answer <c>{code, conf, outputs}</c> or <c>{error}</c> on its standard output.
/// </summary>
internal static class NativeProtocol
{
    public static byte[] Request(NativeService service, ZooMaps conf, ZooMaps inputs, ZooMaps outputs)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("library", service.Library);
            writer.WriteString("function", service.Function);
            BridgeProtocol.WriteMaps(writer, "conf", conf);
            BridgeProtocol.WriteMaps(writer, "inputs", inputs);
            BridgeProtocol.WriteMaps(writer, "outputs", outputs);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static (NativeService Service, ZooMaps Conf, ZooMaps Inputs, ZooMaps Outputs) ReadRequest(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (new NativeService(root.GetProperty("library").GetString()!, root.GetProperty("function").GetString()!),
            BridgeProtocol.ReadMaps(root.GetProperty("conf")),
            BridgeProtocol.ReadMaps(root.GetProperty("inputs")),
            BridgeProtocol.ReadMaps(root.GetProperty("outputs")));
    }

    public static byte[] Answer(NativeCallResult result)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (result.Failure is { } failure)
                writer.WriteString("error", failure);
            else
            {
                writer.WriteNumber("code", result.Code ?? 0);
                BridgeProtocol.WriteMaps(writer, "conf", result.Conf);
                BridgeProtocol.WriteMaps(writer, "outputs", result.Outputs);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The answer, or null when the bytes are none (the child died before writing it).</summary>
    public static NativeCallResult? ReadAnswer(byte[] json)
    {
        if (json.Length == 0)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
                return NativeCallResult.Error(error.GetString() ?? "");
            return new NativeCallResult(root.GetProperty("code").GetInt32(),
                BridgeProtocol.ReadMaps(root.GetProperty("conf")), BridgeProtocol.ReadMaps(root.GetProperty("outputs")), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
