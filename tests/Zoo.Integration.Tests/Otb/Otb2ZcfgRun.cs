using System.Diagnostics;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Otb;

/// <summary>Runs <c>zoo_loader.cgi --otb2zcfg</c>, or the otb-describe helper beside it, as an operator would.</summary>
internal static class Otb2ZcfgRun
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static string Helper => Path.Combine(RepositoryPaths.Dist, "otb-describe");

    public const string ApplicationsDirectory = "/usr/lib/x86_64-linux-gnu/otb/applications";

    public static Outcome Generate(IReadOnlyList<string> arguments, IDictionary<string, string>? environment = null) =>
        Run(RepositoryPaths.ZooLoader, ["--otb2zcfg", .. arguments], environment);

    public static Outcome Describe(IReadOnlyList<string> arguments) =>
        Run(Helper, arguments, new Dictionary<string, string> { ["ITK_AUTOLOAD_PATH"] = ApplicationsDirectory });

    private static Outcome Run(string executable, IReadOnlyList<string> arguments, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("ITK_AUTOLOAD_PATH");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} did not finish within 120 s");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
