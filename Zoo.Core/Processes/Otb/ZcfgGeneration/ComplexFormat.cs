namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>One format of a ComplexData block, as a zcfg Default or Supported block writes it.</summary>
public sealed record ComplexFormat(string MimeType, string? Encoding = null, string? Extension = null);
