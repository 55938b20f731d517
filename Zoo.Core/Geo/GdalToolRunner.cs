using System.ComponentModel;
using System.Diagnostics;

namespace Zoo.Core.Geo;

/// <summary>
/// Runs GDAL command-line tools: no shell (arguments as a list), both output streams captured, the environment
/// (<c>GDAL_DATA</c>, <c>PROJ_LIB</c>, …) inherited untouched, and a tool killed with its children when it runs
/// longer than the timeout. A tool can be started before its work is known (<see cref="StartWaiting"/>): it loads
/// GDAL while the kernel does something else, then reads its options from its standard input.
/// </summary>
internal static class GdalToolRunner
{
    internal sealed record Result(string Executable, int ExitCode, string StandardOutput, string StandardError);

    /// <exception cref="GeoDataException">the tool is missing or cannot start, or did not finish in time.</exception>
    /// <param name="input">what the tool reads on its standard input (closed at once when null).</param>
    public static async Task<Result> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        string? input = null)
    {
        using var process = Start(tool, arguments);
        return await process.CompleteAsync(input, arguments.Count > 0 ? arguments[^1] : tool, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts <paramref name="tool"/> with <paramref name="arguments"/> then <c>--optfile /dev/stdin</c>: GDAL's
    /// libraries load now (most of a tool's time), and the tool waits for the rest of its options, which
    /// <see cref="ToolProcess.CompleteAsync"/> writes as one line (<see cref="OptionLine"/>).
    /// </summary>
    public static ToolProcess StartWaiting(string tool, IReadOnlyList<string> arguments) =>
        Start(tool, [.. arguments, "--optfile", "/dev/stdin"]);

    /// <summary>Options as GDAL's <c>--optfile</c> reads a line: each in double quotes, with <c>\</c> and <c>"</c> escaped.</summary>
    /// <exception cref="ArgumentException">an option holds a line break, which would end the line.</exception>
    public static string OptionLine(IEnumerable<string> options) =>
        string.Join(' ', options.Select(option => option.Any(c => c is '\n' or '\r')
            ? throw new ArgumentException("an option for --optfile cannot hold a line break", nameof(options))
            : "\"" + option.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "\n";

    private static ToolProcess Start(string tool, IReadOnlyList<string> arguments)
    {
        var executable = GdalTools.Resolve(tool) ?? throw new GeoDataException(tool.Contains('/')
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
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new GeoDataException(
                $"Unable to run the GDAL tool {executable}: {e.Message}. GDAL's command-line tools come with the {GdalTools.Package} package.", e);
        }
        return new ToolProcess(executable, process);
    }

    /// <summary>A started tool; disposed before it completed, it is killed.</summary>
    internal sealed class ToolProcess : IDisposable
    {
        private readonly string _executable;
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;
        private bool _completed;

        public ToolProcess(string executable, Process process)
        {
            _executable = executable;
            _process = process;
            // Read from the start: a tool that writes before it reads its input must never block on a full pipe.
            _stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            _stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        }

        /// <summary>Gives the tool its input, closes its standard input, and waits for its end within <paramref name="timeout"/>.</summary>
        /// <param name="subject">what the tool works on, for the message when it is killed.</param>
        /// <exception cref="GeoDataException">it did not finish in time.</exception>
        public async Task<Result> CompleteAsync(string? input, string subject, TimeSpan timeout, CancellationToken cancellationToken)
        {
            _completed = true;
            try
            {
                if (input is not null)
                    await _process.StandardInput.WriteAsync(input).ConfigureAwait(false);
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The tool already ended; its exit code and output say how.
            }
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                // A child the tool left behind could keep the pipes open: the deadline bounds the reading too.
                await Task.WhenAll(_stdout, _stderr).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill();
                cancellationToken.ThrowIfCancellationRequested();
                var said = _stderr.IsCompletedSuccessfully && _stderr.Result.Trim() is { Length: > 0 } text ? $" It said: {Shorten(text)}" : "";
                throw new GeoDataException(
                    $"The GDAL tool {_executable} did not finish within {timeout.TotalSeconds:0.###} seconds on {subject} and was killed.{said}");
            }
            return new Result(_executable, _process.ExitCode, _stdout.Result, _stderr.Result);
        }

        public void Dispose()
        {
            if (!_completed)
                Kill();
            _process.Dispose();
        }

        private void Kill()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(5));
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
    }

    internal static string Shorten(string text, int max = 500) =>
        text.Length <= max ? text : text[..max] + "…";
}
