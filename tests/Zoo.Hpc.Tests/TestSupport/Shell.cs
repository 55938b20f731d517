using System.Diagnostics;

namespace Zoo.Hpc.Tests.TestSupport;

/// <summary>Runs /bin/sh on a command or script, as the cluster would, to see what the shell really does with our quoting.</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary><c>/bin/sh -c command</c> in the given directory.</summary>
    public static Result Command(string command, string workingDirectory) => Run(["-c", command], workingDirectory);

    /// <summary><c>/bin/sh -n file</c>: parses without running.</summary>
    public static Result CheckSyntax(string file) => Run(["-n", file], System.IO.Path.GetDirectoryName(file)!);

    public static Result Script(string file) => Run([file], System.IO.Path.GetDirectoryName(file)!);

    private static Result Run(IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"/bin/sh did not finish within {Timeout}");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
