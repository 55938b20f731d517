namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>One parameter of an OTB application, with what its type adds.</summary>
/// <param name="Key">the dotted key (<c>type.mean.radius</c>).</param>
/// <param name="Type">OTB's ParameterType without its prefix: <c>Int</c>, <c>InputImage</c>, <c>Choice</c>...</param>
/// <param name="IsOutputRole">role=output: a value OTB computes (ReadImageInfo's sizex).</param>
/// <param name="Value">OTB's current value as text (Bool as true/false, Choice as the selected key); null when it has none.</param>
/// <param name="Choices">a Choice's or ListView's items, in OTB's order.</param>
/// <param name="SingleSelection">ListView, Field and Band: whether one item only may be chosen; null for other types.</param>
/// <param name="PixelType">OutputImage: the pixel type OTB writes by default.</param>
/// <param name="Minimum">numeric types: the lower bound OTB enforces, when it sets one.</param>
/// <param name="Maximum">numeric types: the upper bound OTB enforces, when it sets one.</param>
public sealed record OtbParameter(
    string Key,
    string Type,
    bool IsOutputRole,
    bool IsMandatory,
    string? Value,
    string Name,
    string Description,
    IReadOnlyList<OtbChoice> Choices,
    bool? SingleSelection = null,
    string? PixelType = null,
    string? Minimum = null,
    string? Maximum = null);

/// <summary>One item of a Choice or ListView parameter.</summary>
public sealed record OtbChoice(string Key, string Name);
