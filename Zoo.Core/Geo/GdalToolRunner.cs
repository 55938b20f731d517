using System.ComponentModel;
using System.Diagnostics;

namespace Zoo.Hpc.Sizing;

/// <summary>
/// Runs one GDAL command-line tool: no shell (arguments as a list), stdin closed, both output streams
/// captured, the environment (<c>GDAL_DATA</c>, <c>PROJ_LIB</c>, …) inherited untouched, and the tool
/// killed with its children when it runs longer than the timeout.
/// </summary>
internal static class GdalToolRunner
{
    internal sealed record Result(string Executable, int ExitCode, string StandardOutput, string StandardError);

    /// <exception cref="InputSizingException">the tool is missing or cannot start, or did not finish in time.</exception>
    public static async Task<Result> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var executable = GdalTools.Resolve(tool) ?? throw new InputSizingException(tool.Contains('/')
            ? $"The GDAL tool {tool} does not exist: install the {GdalTools.Package} package (GDAL's command-line tools) or correct its path."
            : $"The GDAL tool {tool} was not found on PATH nor in /usr/local/bin, /usr/bin or /bin: install the {GdalTools.Package} package (GDAL's command-line tools).");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InputSizingException(
                $"Unable to run the GDAL tool {executable}: {e.Message}. GDAL's command-line tools come with the {GdalTools.Package} package.", e);
        }
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool already ended; its exit code and output say how.
        }
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            // A child the tool left behind could keep the pipes open: the deadline bounds the reading too.
            await Task.WhenAll(stdout, stderr).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            var said = stderr.IsCompletedSuccessfully && stderr.Result.Trim() is { Length: > 0 } text ? $" It said: {Shorten(text)}" : "";
            throw new InputSizingException(
                $"The GDAL tool {executable} did not finish within {timeout.TotalSeconds:0.###} seconds on {arguments[^1]} and was killed.{said}");
        }
        return new Result(executable, process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
        catch (Win32Exception)
        {
            // Not ours to kill any more (it ended and its id was reused): nothing left to stop.
        }
    }

    internal static string Shorten(string text, int max = 500) =>
        text.Length <= max ? text : text[..max] + "…";
}
