using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// The end of a job's <c>slurm-&lt;id&gt;.out</c>, where the application wrote why it failed. It is looked for in
/// the job's working directory as sacct reports it (the original only looks in remote_work_path). The whole of it
/// goes to the job's log only: the job script and the application print what they like there (the original makes
/// all of it the client's message). The client is told what the application itself reported as its error.
/// </summary>
public static class SlurmOutputLog
{
    private const int TailBytes = 2000;
    private const int ErrorChars = 1000;

    // How OTB's logger marks an error ("2026-12-05 20:46:25 (FATAL) BandMath: ..."), and a plain "ERROR: ...".
    private static readonly string[] ErrorMarkers = ["(FATAL)", "(CRITICAL)", "(ERROR)"];

    public static string FileName(string slurmJobId) => $"slurm-{slurmJobId}.out";

    public static string PathOf(SacctRecord record, string remoteWorkPath) =>
        RemotePath.Combine(record.WorkDir is { Length: > 0 } workDir ? workDir : remoteWorkPath, FileName(record.JobId));

    /// <summary>
    /// The application's own error in a log's end: from the first line it marks as an error up to the next blank
    /// line (OTB writes an exception's details on the lines that follow), on one line; null when there is none.
    /// </summary>
    public static string? ApplicationError(string? tail)
    {
        if (string.IsNullOrEmpty(tail))
            return null;
        var lines = tail.Split('\n');
        var first = Array.FindIndex(lines, line => ErrorMarkers.Any(m => line.Contains(m, StringComparison.Ordinal))
                                                  || line.TrimStart().StartsWith("ERROR:", StringComparison.Ordinal));
        if (first < 0)
            return null;
        var block = lines.Skip(first).TakeWhile(line => line.Trim().Length > 0)
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var text = string.Join(' ', block);
        return text.Length <= ErrorChars ? text : text[..ErrorChars] + "...";
    }

    /// <summary>The last lines of the log, or null when it cannot be read (no such file, cluster unreachable).</summary>
    public static async Task<string?> TailAsync(ClusterSession session, SacctRecord record, CancellationToken cancellationToken)
    {
        var path = PathOf(record, session.Configuration.RemoteWorkPath);
        try
        {
            var result = await session.UseAsync(connection =>
                connection.RunAsync(["tail", "-c", TailBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--", path],
                    cancellationToken), cancellationToken).ConfigureAwait(false);
            if (result.ExitStatus != 0)
                return null;
            var text = result.StandardOutput.Trim();
            // Started mid-line: drop the partial first line.
            if (result.StandardOutput.Length >= TailBytes && text.IndexOf('\n') is var newline and >= 0)
                text = text[(newline + 1)..];
            return text;
        }
        catch (ClusterConnectionException)
        {
            return null;
        }
    }
}
