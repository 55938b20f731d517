using System.Globalization;
using Zoo.Core.Configuration;

namespace Zoo.Core.Processes.Python;

/// <summary>
/// The [python] section: the interpreter that runs services (Debian's /usr/bin/python3 by default,
/// since Debian's python3-gdal and friends import only there) and how long a service may run.
/// </summary>
public sealed record PythonSettings(string Interpreter, TimeSpan Timeout)
{
    public const string DefaultInterpreter = "/usr/bin/python3";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static PythonSettings From(MainConfig config)
    {
        var section = config.Document["python"];
        var seconds = int.TryParse(section["timeout"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value)
            : DefaultTimeout;
        return new PythonSettings(section["interpreter"] is { Length: > 0 } interpreter ? interpreter : DefaultInterpreter, seconds);
    }
}
