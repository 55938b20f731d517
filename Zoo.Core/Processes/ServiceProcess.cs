using System.Diagnostics;
using Zoo.Core.Jobs;

namespace Zoo.Core.Processes;

/// <summary>
/// The end of a child process that runs a service (the Python bridge, a C service's host, an OTB application), which
/// leads its own process group: it is given its time, then it and everything it started are killed.
/// </summary>
public static class ServiceProcess
{
    // Once the child ended and its group was stopped, whatever still holds its pipes escaped the group.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// One exchange with a started child that leads its own process group (the Python bridge, a C service's host):
    /// the request on its standard input, its answer read from its standard output, what it says on its standard
    /// error copied to <paramref name="log"/> as it comes (never into an answer, never held). It is given
    /// <paramref name="timeout"/>; then its group is stopped, unless it ended with <paramref name="endedItsGroup"/>,
    /// the status of a child that ended its own group (nothing is left to stop).
    /// </summary>
    /// <returns>its answer and exit status, or null when it ran out of time.</returns>
    /// <exception cref="OperationCanceledException">the run was cancelled (the job dismissed).</exception>
    public static async Task<(byte[] Answer, int ExitCode)?> ExchangeAsync(Process process, byte[] request, TimeSpan timeout, TextWriter log,
        int? endedItsGroup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var group = ProcessIdentity.Of(process.Id);
        var answer = new MemoryStream();
        var output = process.StandardOutput.BaseStream.CopyToAsync(answer, CancellationToken.None);
        var errors = CopyToLogAsync(process.StandardError, log);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child ended before reading its request; its exit status and the log say why.
        }
        async Task Drained() => await Task.WhenAny(Task.WhenAll(output, errors), Task.Delay(DrainGrace)).ConfigureAwait(false);

        if (!await WaitAsync(process, group, timeout, Drained, cancellationToken).ConfigureAwait(false))
            return null;
        if (process.ExitCode != endedItsGroup)
            Stop(process, group);
        await Drained().ConfigureAwait(false);
        return (answer.ToArray(), process.ExitCode);
    }

    /// <summary>
    /// Waits for the child at most <paramref name="timeout"/>; past it, or when the run is cancelled, kills its group
    /// and waits until <paramref name="drained"/> (the reading of its output) is over.
    /// </summary>
    /// <returns>true when it ended by itself, false when it ran out of time.</returns>
    /// <exception cref="OperationCanceledException">the run was cancelled (the job dismissed).</exception>
    public static async Task<bool> WaitAsync(Process process, ProcessIdentity? group, TimeSpan timeout, Func<Task> drained,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(drained);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            Stop(process, group);
            await drained().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    private static async Task CopyToLogAsync(StreamReader errors, TextWriter log)
    {
        var chunk = new char[4096];
        int read;
        try
        {
            while ((read = await errors.ReadAsync(chunk, CancellationToken.None).ConfigureAwait(false)) > 0)
                await log.WriteAsync(chunk.AsMemory(0, read)).ConfigureAwait(false);
            await log.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The pipe broke: nothing more to log.
        }
    }

    /// <summary>Kills the child's process group (what it started) and the child itself, if still there.</summary>
    public static void Stop(Process process, ProcessIdentity? group)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (group is not null)
            ProcessSignals.SignalGroup(group, ProcessSignals.Kill);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
