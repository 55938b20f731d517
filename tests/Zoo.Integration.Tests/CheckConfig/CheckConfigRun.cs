using System.Diagnostics;
using System.Text.Json;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.CheckConfig;

/// <summary>One finding of <c>--check-config --json</c>, as a script reads it.</summary>
public sealed record JsonFinding(string File, int? Line, string? Section, string? Key, string Severity, string Message);

/// <summary>Runs <c>zoo_loader.cgi --check-config</c> as an operator does, from a shell, in a directory of the test's choice.</summary>
public sealed record CheckConfigRun(int ExitCode, string StandardOutput, string StandardError)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The findings of a run with <c>--json</c>; fails the test when the output is not the documented array.</summary>
    public IReadOnlyList<JsonFinding> Findings
    {
        get
        {
            using var json = JsonDocument.Parse(StandardOutput);
            Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array), StandardOutput);
            return json.RootElement.EnumerateArray().Select(f => new JsonFinding(
                f.GetProperty("file").GetString()!,
                f.GetProperty("line").ValueKind == JsonValueKind.Null ? null : f.GetProperty("line").GetInt32(),
                f.GetProperty("section").GetString(),
                f.GetProperty("key").GetString(),
                f.GetProperty("severity").GetString()!,
                f.GetProperty("message").GetString()!)).ToList();
        }
    }

    public static CheckConfigRun Start(IReadOnlyList<string> arguments, string? workingDirectory = null, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? RepositoryPaths.ZooLoader)
        {
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--check-config");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"--check-config did not finish within {Timeout}");
        }
        return new CheckConfigRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
