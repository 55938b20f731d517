namespace Zoo.Core.Configuration;

/// <summary>One named section of an ini file (main.cfg, a job's lenv file).</summary>
public sealed record ConfigSection(string Name, ConfigValues Values);
