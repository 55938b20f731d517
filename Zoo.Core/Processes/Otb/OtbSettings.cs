using Zoo.Core.Configuration;

namespace Zoo.Core.Processes.Otb;

/// <summary>
/// The [otb] section: the launcher that runs an application by name (Debian's <c>otbcli</c>, which sets OTB's
/// environment up and runs otbApplicationLauncherCommandLine), where the applications' modules are
/// (<c>ITK_AUTOLOAD_PATH</c>: without it OTB finds no application), and how long one run may take before its
/// whole process group is killed (the service timeout, <c>[python] timeout</c>, unless <c>[otb] timeout</c> is set).
/// </summary>
public sealed record OtbSettings(string Launcher, string ApplicationPath, TimeSpan Timeout)
{
    public const string DefaultLauncher = "/usr/bin/otbcli";
    public const string DefaultApplicationPath = "/usr/lib/x86_64-linux-gnu/otb/applications";

    /// <exception cref="ConfigurationException"><c>[otb] timeout</c> is set but is not a whole number of seconds from 1 (<see cref="Limits"/>).</exception>
    public static OtbSettings From(MainConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var otb = config.Document["otb"];
        return new OtbSettings(
            otb["launcher"] is { Length: > 0 } launcher ? launcher : DefaultLauncher,
            otb["applicationPath"] is { Length: > 0 } path ? path : DefaultApplicationPath,
            config.Limits.OtbTimeout);
    }
}
