using System.Text.Json;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>What the fixture service Recorder answered: the input maps it was handed and the files they named.</summary>
public sealed class Recording
{
    private readonly JsonElement _root;

    private Recording(JsonElement root) => _root = root;

    public static Recording Parse(CgiResult result)
    {
        try
        {
            return new Recording(JsonDocument.Parse(result.Body).RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new AssertionException($"Recorder did not answer its record ({e.Message}):\n{CgiAnswer.Head(result)}");
        }
    }

    public string Usid => _root.GetProperty("usid").GetString()!;

    public string TmpUrl => _root.GetProperty("tmpUrl").GetString()!;

    public string TmpPath => _root.GetProperty("tmpPath").GetString()!;

    public RecordedInput Input(string name) =>
        _root.GetProperty("inputs").TryGetProperty(name, out var input)
            ? new RecordedInput(input)
            : throw new AssertionException($"the service was not handed the input {name}: {_root.GetProperty("inputs")}");

    public bool HasInput(string name) => _root.GetProperty("inputs").TryGetProperty(name, out _);

    /// <summary>The bytes the file had while the service ran (null: it could not be read).</summary>
    public byte[]? FileBytes(string path) =>
        _root.GetProperty("files").TryGetProperty(path, out var content)
            ? content.ValueKind == JsonValueKind.Null ? null : Convert.FromBase64String(content.GetString()!)
            : throw new AssertionException($"the service did not read {path}");

    public override string ToString() => _root.ToString();
}

/// <summary>One input map as a service was handed it.</summary>
public sealed class RecordedInput(JsonElement map)
{
    public IReadOnlyList<string> Keys => map.EnumerateObject().Select(p => p.Name).ToList();

    public bool Has(string key) => map.TryGetProperty(key, out _);

    /// <summary>A key holding a string (null when absent; fails when it holds a list or bytes).</summary>
    public string? String(string key)
    {
        if (!map.TryGetProperty(key, out var value))
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new AssertionException($"{key} is not a string: {value}");
    }

    /// <summary>A key holding a list of strings.</summary>
    public IReadOnlyList<string?> List(string key)
    {
        if (!map.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Array)
            throw new AssertionException($"{key} is not a list in {map}");
        return value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()).ToList();
    }

    /// <summary>A value that the service received as bytes.</summary>
    public byte[] Bytes(string key)
    {
        if (!map.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$bytes", out var bytes))
            throw new AssertionException($"{key} is not bytes in {map}");
        return Convert.FromBase64String(bytes.GetString()!);
    }

    /// <summary>Every string anywhere in the map.</summary>
    public IReadOnlyList<string> AllStrings() => Strings(map).ToList();

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    public override string ToString() => map.ToString();
}
