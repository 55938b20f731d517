namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>The zcfg files cannot be generated: OTB or its describing helper is missing, an application is unknown, the helper failed.</summary>
public sealed class OtbGenerationException(string message) : Exception(message);
