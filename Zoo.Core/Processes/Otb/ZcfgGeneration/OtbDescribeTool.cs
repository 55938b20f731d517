using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// Runs tools/otb-describe (installed beside zoo_loader.cgi by build.sh): no shell, both output streams captured,
/// killed past its timeout. The helper runs without <c>OTB_MAX_RAM_HINT</c>, so that the RAM defaults it reports are
/// OTB's own and not those of whoever generates the files.
/// </summary>
/// <param name="helper">the otb-describe executable.</param>
/// <param name="applicationsDirectory">OTB's application plugins (ITK_AUTOLOAD_PATH).</param>
public sealed class OtbDescribeTool(string helper, string applicationsDirectory, TimeSpan timeout)
{
    /// <summary>Where Debian's otb-bin installs its application plugins.</summary>
    public const string DebianApplicationsDirectory = "/usr/lib/x86_64-linux-gnu/otb/applications";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <exception cref="OtbGenerationException">OTB's applications or the helper are missing.</exception>
    public void EnsureInstalled()
    {
        if (!Directory.Exists(applicationsDirectory) || !Directory.EnumerateFiles(applicationsDirectory, "otbapp_*.so").Any())
            throw new OtbGenerationException(
                $"OTB is not installed: no OTB application in {applicationsDirectory} (install Debian's otb-bin package, or set ITK_AUTOLOAD_PATH to OTB's applications directory).");
        if (!File.Exists(helper))
            throw new OtbGenerationException(
                $"the OTB describing helper {helper} is missing: build.sh builds it when OTB's development files (Debian package libotb-dev) are installed.");
    }

    /// <summary>The names of every application OTB offers.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["--list"], cancellationToken).ConfigureAwait(false))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The description of each named application, in the format OtbDescriptionReader reads.</summary>
    public Task<string> DescribeAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        RunAsync(names, cancellationToken);

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(helper)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ITK_AUTOLOAD_PATH"] = applicationsDirectory;
        start.Environment.Remove("OTB_MAX_RAM_HINT");
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new OtbGenerationException($"unable to run the OTB describing helper {helper}: {e.Message}");
        }
        process.StandardInput.Close();
        // Read from the start: the helper must never block on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new OtbGenerationException($"the OTB describing helper did not finish within {timeout.TotalSeconds:0} seconds and was killed.");
        }
        if (process.ExitCode != 0)
            throw new OtbGenerationException($"the OTB describing helper failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        return stdout.Result;
    }
}
