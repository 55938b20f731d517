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
