using Zoo.Core.Processes;

namespace Zoo.Core.Configuration.Checking;

/// <summary>What every check looks at: main.cfg as the kernel reads it, where its keys are written, the services, the user.</summary>
/// <param name="Lines">where main.cfg's sections and keys are.</param>
/// <param name="Runners">the runtimes the kernel registers, by serviceType.</param>
/// <param name="Access">what the web server's user may do with files.</param>
/// <param name="Offline">true to skip every check that goes over the network.</param>
public sealed record CheckContext(
    MainConfig Config,
    IniSourceMap Lines,
    IReadOnlyList<CheckedService> Services,
    RunnerCatalog Runners,
    AccessRights Access,
    bool Offline)
{
    public string MainFile => Config.FilePath;

    /// <summary>The directory of main.cfg, against which the kernel's relative paths are taken.</summary>
    public string MainDirectory => Path.GetDirectoryName(Config.FilePath)!;

    /// <summary>
    /// The place of a main.cfg key: its line, else its section's header when the key is absent, else the file.
    /// </summary>
    public Place InMain(string section, string? key = null)
    {
        var line = key is null ? 0 : Lines.LineOf(section, key);
        return new Place(MainFile, line > 0 ? line : Lines.LineOf(section), section, key);
    }
}
