using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// The end of a job's <c>slurm-&lt;id&gt;.out</c>, where the application wrote why it failed. It is looked for in
/// the job's working directory as sacct reports it (the original only looks in remote_work_path).
/// </summary>
public static class SlurmOutputLog
{
    private const int TailBytes = 2000;

    public static string FileName(string slurmJobId) => $"slurm-{slurmJobId}.out";

    public static string PathOf(SacctRecord record, string remoteWorkPath) =>
        RemotePath.Combine(record.WorkDir is { Length: > 0 } workDir ? workDir : remoteWorkPath, FileName(record.JobId));

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
