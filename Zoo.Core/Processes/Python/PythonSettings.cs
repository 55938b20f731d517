using Zoo.Core.Configuration;

namespace Zoo.Core.Processes.Python;

/// <summary>
/// The [python] section: the interpreter that runs services (Debian's /usr/bin/python3 by default,
/// since Debian's python3-gdal and friends import only there) and how long a service may run.
/// </summary>
public sealed record PythonSettings(string Interpreter, TimeSpan Timeout)
{
    public const string DefaultInterpreter = "/usr/bin/python3";

    public static PythonSettings From(MainConfig config) =>
        new(config.Document["python"]["interpreter"] is { Length: > 0 } interpreter ? interpreter : DefaultInterpreter,
            config.Limits.ServiceTimeout);
}
