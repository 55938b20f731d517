namespace Zoo.Core.Configuration.Zcfg;

public enum DataKind
{
    Literal,
    Complex,
    BoundingBox,
}

/// <summary>
/// The data block of an input or output (&lt;LiteralData&gt;, &lt;ComplexOutput&gt;...): its default and
/// supported blocks. As in ZOO, keys written in the data block itself (dataType, AllowedValues,
/// range...) belong to the default, which is null only when the file has neither.
/// </summary>
public sealed record DataDescription(
    DataKind Kind,
    string Tag,
    ConfigValues? Default,
    IReadOnlyList<ConfigValues> Supported);
