using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Zoo.Core.Callback;

/// <summary>
/// One run of <c>xsltproc</c> (Debian package <c>xsltproc</c>): the document on its standard input, the result from
/// its standard output, no shell, no network (<c>--nonet</c>), no DTD loaded (<c>--novalid</c>), no file written by
/// the stylesheet (<c>--nowrite</c>), and killed past its timeout. <c>--huge</c> lifts libxml2's 10 MB bound on one
/// text: inline data up to the request limits must go through.
/// </summary>
internal static class XsltProc
{
    public const string Package = "xsltproc";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <param name="parameters">stylesheet parameters, each an XPath expression (<see cref="XPathString.Literal"/>).</param>
    /// <exception cref="ExecuteRewriteException">xsltproc cannot start, fails, or does not finish within <paramref name="timeout"/>.</exception>
    public static async Task<string> TransformAsync(string stylesheet, string document, IReadOnlyList<(string Name, string Expression)> parameters,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("xsltproc")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var option in new[] { "--nonet", "--novalid", "--nowrite", "--nomkdir", "--huge" })
            start.ArgumentList.Add(option);
        foreach (var (name, expression) in parameters)
        {
            start.ArgumentList.Add("--param");
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(expression);
        }
        start.ArgumentList.Add(stylesheet);
        start.ArgumentList.Add("-");
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExecuteRewriteException($"Unable to run xsltproc ({e.Message}): the callback service needs the {Package} package to rewrite the Execute request.", e);
        }
        // Both outputs are read from the start, so that xsltproc never blocks on a full pipe while it is being fed.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await Feed(process, document, deadline.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExecuteRewriteException($"xsltproc did not finish within {timeout.TotalSeconds:0.###} seconds with {stylesheet} and was killed.");
        }
        if (process.ExitCode != 0)
            throw new ExecuteRewriteException($"xsltproc failed with {stylesheet} (exit {process.ExitCode}): {stderr.Result.Trim()}");
        return stdout.Result;
    }

    private static async Task Feed(Process process, string document, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(document.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // xsltproc stopped reading (a stylesheet it cannot load): its exit code and standard error say why.
        }
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
    }
}
