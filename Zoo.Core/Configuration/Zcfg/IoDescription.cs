namespace Zoo.Core.Configuration.Zcfg;

/// <summary>
/// One input or output of a service: its keys (Title, Abstract, minOccurs, maxOccurs...), its data
/// block (<see cref="Data"/>), and what it contains: the inputs of a WPS 2.0 nested input, or the inner
/// outputs of an output (each a way to deliver the output's one value: a download link, a WMS link...).
/// </summary>
public sealed record IoDescription(
    string Name,
    ConfigValues Keys,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<KeyValuePair<string, string>> AdditionalParameters,
    DataDescription? Data,
    IReadOnlyList<IoDescription> Nested)
{
    public string? Title => Keys["Title"];
    public string? Abstract => Keys["Abstract"];
    public string MinOccurs => Keys.Get("minOccurs", "0");

    /// <summary>ZOO writes an unbounded maximum as 1000: WPS 1.0.0 only allows a number there.</summary>
    public string MaxOccurs => Keys["maxOccurs"] is { } max && !max.Equals("unbounded", StringComparison.OrdinalIgnoreCase)
        ? max
        : Keys.Contains("maxOccurs") ? UnboundedOccurs : "1";

    public const string UnboundedOccurs = "1000";
}
