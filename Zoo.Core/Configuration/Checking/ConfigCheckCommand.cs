using Zoo.Core.Processes;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// <c>zoo_loader.cgi --check-config [MAIN_CFG] [--offline] [--json] [--user NAME]</c>: checks an install before a
/// request finds its problems, and reports every one with its file, line and key.
/// </summary>
public static class ConfigCheckCommand
{
    public const string Flag = "--check-config";

    public const int Works = 0;
    public const int Broken = 1;
    public const int UsageError = 2;

    public const string Usage = """
        usage: zoo_loader.cgi --check-config [MAIN_CFG] [--offline] [--json] [--user NAME]

        Reads MAIN_CFG (default: ./main.cfg, else main.cfg beside zoo_loader.cgi), oas.cfg beside it and every .zcfg
        under its servicePath as the kernel would, and reports every problem, one line each:
          FILE:LINE: error|warning|notice: [SECTION] KEY: MESSAGE
          --offline    skip the checks that go over the network (SSH to the cluster, sbatch and sacct there, tmpUrl)
          --json       print a JSON array of {file, line, section, key, severity, message} instead
          --user NAME  check the files as the web server's user NAME would use them (default: the user running this)

        Exit status: 0 the install would work (no error; warnings and notices allowed), 1 it would not (at least one
        error), 2 usage error (unknown option, unknown user).
        """;

    /// <param name="arguments">what follows <see cref="Flag"/>.</param>
    /// <param name="runners">the kernel's runtimes, as the CGI builds them.</param>
    /// <param name="checks">the checks of the runtimes Zoo.Core does not know.</param>
    /// <returns><see cref="Works"/>, <see cref="Broken"/> or <see cref="UsageError"/>.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, Func<MainConfig, RunnerCatalog> runners,
        IReadOnlyList<IConfigCheck> checks, Stream output, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (ConfigCheckOptions.Parse(arguments, out var error) is not { } options)
            return Refuse(log, error);
        if (options.Help)
        {
            await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Usage + "\n"), cancellationToken).ConfigureAwait(false);
            return Works;
        }
        AccessRights access = new ProcessAccessRights();
        if (options.User is { } name)
        {
            if (UserAccounts.Find(name) is not { } user)
                return Refuse(log, $"no user {name} in /etc/passwd");
            access = new UserAccessRights(user);
        }
        var path = options.MainConfigPath
                   ?? MainConfigLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory, null)
                   ?? Path.Combine(Directory.GetCurrentDirectory(), MainConfig.FileName);

        var findings = await new ConfigChecker(runners, checks).CheckAsync(path, access, options.Offline, cancellationToken).ConfigureAwait(false);
        if (options.Json)
            FindingWriter.WriteJson(output, findings);
        else
        {
            await using var text = new StreamWriter(output, leaveOpen: true);
            FindingWriter.WriteText(text, findings);
        }
        return findings.Any(f => f.Severity == Severity.Error) ? Broken : Works;
    }

    private static int Refuse(TextWriter log, string error)
    {
        log.WriteLine($"zoo_loader.cgi {Flag}: {error}");
        log.WriteLine(Usage);
        return UsageError;
    }
}
