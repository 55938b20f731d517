namespace Zoo.Core.Configuration;

/// <summary>An operator's configuration (main.cfg, a .zcfg) that cannot be read; the message names the file and line.</summary>
/// <param name="line">the line of the file at fault (1 for the first), 0 when the problem is not one line's.</param>
public sealed class ConfigurationException(string message, int line = 0) : Exception(message)
{
    /// <summary>The line at fault, for reports that show it apart from the message (<c>--check-config</c>); 0 when none.</summary>
    public int Line { get; } = line;
}
