namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>The arguments of <c>--otb2zcfg</c>.</summary>
/// <param name="HpcConfId">with <c>--hpc</c>: the files are for serviceType=HPC with this confId.</param>
public sealed record Otb2ZcfgOptions(string OutputDirectory, string? HpcConfId, IReadOnlyList<string> Applications)
{
    /// <returns>the options, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static Otb2ZcfgOptions? Parse(IReadOnlyList<string> arguments, out string error)
    {
        string outputDirectory = ".";
        string? confId = null;
        var applications = new List<string>();
        error = "";
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--out" when i + 1 < arguments.Count:
                    outputDirectory = arguments[++i];
                    break;
                case "--hpc" when i + 1 < arguments.Count:
                    confId = arguments[++i];
                    // It becomes a zcfg value: it must stay on its line and say something.
                    if (confId.Length == 0 || confId.Any(char.IsWhiteSpace))
                    {
                        error = $"--hpc needs a configuration name without blanks, not \"{confId}\"";
                        return null;
                    }
                    break;
                case var option when option.StartsWith('-'):
                    error = option is "--out" or "--hpc" ? $"{option} needs a value" : $"unknown option {option}";
                    return null;
                case var name:
                    // An application name becomes a file name: nothing that leaves the directory.
                    if (name.Contains('/') || name.StartsWith('.'))
                    {
                        error = $"\"{name}\" is not an OTB application name";
                        return null;
                    }
                    applications.Add(name);
                    break;
            }
        }
        return new Otb2ZcfgOptions(outputDirectory, confId, applications);
    }
}
