namespace Zoo.Core.Configuration.Zcfg;

/// <summary>
/// One service as its .zcfg describes it. <see cref="Keys"/> holds every header key in file order
/// (Title, Abstract, processVersion, serviceType, serviceProvider and any other key ZOO keeps).
/// </summary>
public sealed record ProcessDescription(
    string Name,
    ConfigValues Keys,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<KeyValuePair<string, string>> AdditionalParameters,
    IReadOnlyList<IoDescription> Inputs,
    IReadOnlyList<IoDescription> Outputs)
{
    public string? Title => Keys["Title"];
    public string? Abstract => Keys["Abstract"];
    public string? ServiceType => Keys["serviceType"];
    public string? ServiceProvider => Keys["serviceProvider"];
}
