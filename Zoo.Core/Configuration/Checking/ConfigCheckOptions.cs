namespace Zoo.Core.Configuration.Checking;

/// <summary>The arguments of <c>--check-config</c>.</summary>
/// <param name="MainConfigPath">the main.cfg to check; null to find it as the kernel does.</param>
/// <param name="User">with <c>--user</c>: the web server's user, when it is not the one running the check.</param>
public sealed record ConfigCheckOptions(string? MainConfigPath, bool Offline, bool Json, string? User, bool Help)
{
    /// <returns>the options, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static ConfigCheckOptions? Parse(IReadOnlyList<string> arguments, out string error)
    {
        var options = new ConfigCheckOptions(null, false, false, null, false);
        error = "";
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--offline":
                    options = options with { Offline = true };
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                case "--user" when i + 1 < arguments.Count && arguments[i + 1].Length > 0 && !arguments[i + 1].StartsWith('-'):
                    options = options with { User = arguments[++i] };
                    break;
                case "--user":
                    error = "--user needs a user name";
                    return null;
                case var option when option.StartsWith('-'):
                    error = $"unknown option {option}";
                    return null;
                case var path when options.MainConfigPath is null:
                    options = options with { MainConfigPath = path };
                    break;
                default:
                    error = $"one main.cfg at a time: {options.MainConfigPath} and {arguments[i]}";
                    return null;
            }
        }
        return options;
    }
}
