using System.ComponentModel;
using System.Diagnostics;

namespace Zoo.Tests.Tools;

/// <summary>
/// Runs a command-line tool a test needs (gdal_create, ogr2ogr, ogrinfo, the schemas' validate.sh): no shell, its
/// standard input given or closed, both outputs captured, and a test failure when it cannot start, runs past a
/// minute, or (<see cref="Check"/>) exits with another code than 0. Compiled into every test project that needs it.
/// </summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    internal sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    /// <param name="package">the Debian package that provides the tool, named when it cannot start.</param>
    public static Outcome Run(string tool, IReadOnlyList<string> arguments, string package, byte[]? input = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{tool} cannot run ({e.Message}): these tests need the {package} package.");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
                process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} did not finish within {Timeout}");
            }
            return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Runs the tool and fails the test unless it exits with 0; returns its standard output.</summary>
    public static string Check(string tool, IReadOnlyList<string> arguments, string package)
    {
        var outcome = Run(tool, arguments, package);
        if (outcome.ExitCode != 0)
            Assert.Fail($"{tool} {string.Join(' ', arguments)} failed ({outcome.ExitCode}): {outcome.StandardError}{outcome.StandardOutput}");
        return outcome.StandardOutput;
    }

    /// <summary>An executable /bin/sh script at <paramref name="path"/> (a fake tool).</summary>
    public static string Script(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("fake tools are /bin/sh scripts");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
