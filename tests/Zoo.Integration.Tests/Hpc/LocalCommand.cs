using System.Diagnostics;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>Runs a tool of this machine (gdal_create, stat, sacct, scancel, FinalizeHPC.cgi) and collects what it printed.</summary>
internal static class LocalCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <param name="standardInput">What the tool reads on its standard input (none when null).</param>
    /// <returns>the exit code, and standard output followed by standard error.</returns>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Runs the tool and fails the test, with what it printed, when it exits non-zero.</summary>
    public static string Output(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = Run(program, arguments, environment);
        Assert.That(exitCode, Is.Zero, $"{program}: {output}");
        return output;
    }
}
