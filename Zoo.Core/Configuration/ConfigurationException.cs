namespace Zoo.Core.Configuration;

/// <summary>An operator's configuration (main.cfg, a .zcfg) that cannot be read; the message names the file and line.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
