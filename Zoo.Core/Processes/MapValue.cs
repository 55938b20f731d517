namespace Zoo.Core.Processes;

/// <summary>
/// A value of ZOO's maps as services see them: text, bytes (binary data ZOO hands over with its
/// size), or the list ZOO builds for an input given several times.
/// </summary>
public abstract record MapValue
{
    public static implicit operator MapValue(string text) => new TextValue(text);
}

public sealed record TextValue(string Text) : MapValue
{
    public override string ToString() => Text;
}

public sealed record BytesValue(byte[] Bytes) : MapValue;

public sealed record ListValue(IReadOnlyList<MapValue> Items) : MapValue;

/// <summary>
/// Data that lies in a file (an input file, a cache entry): the service sees its content as a value, text when
/// it is UTF-8, bytes otherwise (or its base64 text, as ZOO's <c>base64_value</c>), read by the runtime that
/// runs the service, so that the kernel never holds it.
/// </summary>
public sealed record FileValue(string Path, bool AsBase64 = false) : MapValue;
