using System.Diagnostics;
using Zoo.Core.Jobs;

namespace Zoo.Core.Processes;

/// <summary>
/// The end of a child process that runs a service (the Python bridge, a C service's host, an OTB application), which
/// leads its own process group: it is given its time, then it and everything it started are killed.
/// </summary>
public static class ServiceProcess
{
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
