using Zoo.Core.Files;

namespace Zoo.Hpc.Completion;

/// <summary>
/// The right to talk to the cluster about one job: an exclusive <c>flock(2)</c> on <c>.finalize_&lt;usid&gt;.lock</c> in
/// tmpPath, taken without waiting and held while a finalization asks sacct and writes the job's <c>[henv]</c>.
/// FinalizeHPC answers anyone (as in ZOO), so without it each of a burst of calls for one job would cost the
/// cluster an SSH login; with it the second one is refused before it connects.
/// <para>
/// The lock belongs to the open file, so a finalizer that dies releases it. The file is left in place: removing it
/// while a second caller has it open would let a third lock a new file under the same name. It is hidden (the
/// kernel's own, never served from tmpUrl) and named after the job, so Dismiss removes it with the job's files.
/// </para>
/// </summary>
public sealed class FinalizeLock : IDisposable
{
    private readonly FileStream _file;

    private FinalizeLock(FileStream file) => _file = file;

    /// <summary>The job's lock file: one name, next to its <see cref="HenvFile"/>.</summary>
    public static string PathFor(string tmpPath, string usid) => Path.Combine(tmpPath, $".finalize_{usid}.lock");

    /// <summary>The lock, or null when another finalization holds it.</summary>
    /// <exception cref="IOException">
    /// the lock file cannot be opened or locked: something other than a regular file at its name (a link planted in
    /// the shared tmpPath is never followed), no right to create it.
    /// </exception>
    public static FinalizeLock? TryAcquire(string path)
    {
        // Created if missing (O_CREAT without O_EXCL: every finalizer opens the same file), never through a link.
        var file = SafeFile.OpenAppend(path, SafeFile.Private);
        try
        {
            if (FileLock.TryExclusive(file))
                return new FinalizeLock(file);
            file.Dispose();
            return null;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock (closing the file releases its flock).</summary>
    public void Dispose() => _file.Dispose();
}
