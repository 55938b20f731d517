namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>One OTB application as its application engine describes it (tools/otb-describe).</summary>
/// <param name="Description">OTB's GetDescription(): the zcfg Title.</param>
/// <param name="LongDescription">OTB's GetDocLongDescription(): the zcfg Abstract.</param>
/// <param name="Parameters">every parameter, groups included, in OTB's order.</param>
public sealed record OtbApplication(string Name, string Description, string LongDescription, IReadOnlyList<OtbParameter> Parameters);
