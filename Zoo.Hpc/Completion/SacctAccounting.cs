using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// Runs sacct on the cluster for one job: <c>sacct -j &lt;id&gt; -X -n -P</c> with the fields of
/// <c>remote_command_opt</c> (the original greps the whole day's listing for the usid, and misses jobs
/// submitted before midnight).
/// </summary>
public sealed class SacctAccounting(ClusterSession session) : IJobAccounting
{
    /// <exception cref="ClusterConnectionException">the cluster cannot be reached, or sacct failed.</exception>
    public Task<SacctRecord?> QueryAsync(string slurmJobId, CancellationToken cancellationToken) =>
        RunAsync(slurmJobId, fields => Sacct.Command(slurmJobId, fields), cancellationToken);

    /// <summary>sacct run by the cluster once slurmctld says the job ended (<see cref="Sacct.CommandOnceEnded"/>).</summary>
    /// <exception cref="ClusterConnectionException">the cluster cannot be reached, or sacct failed.</exception>
    public Task<SacctRecord?> QueryOnceEndedAsync(string slurmJobId, TimeSpan within, CancellationToken cancellationToken) =>
        RunAsync(slurmJobId, fields => Sacct.CommandOnceEnded(slurmJobId, fields, within), cancellationToken);

    private Task<SacctRecord?> RunAsync(string slurmJobId, Func<IReadOnlyList<string>, IReadOnlyList<string>> command,
        CancellationToken cancellationToken)
    {
        var fields = Sacct.Fields(session.Configuration.RemoteCommandOpt);
        return session.UseAsync(async connection =>
        {
            var result = await connection.RunAsync(command(fields), cancellationToken).ConfigureAwait(false);
            if (result.ExitStatus != 0)
                throw new ClusterConnectionException(ClusterFailure.Command, connection.Settings.Host, connection.Settings.Port,
                    connection.Settings.User, $"sacct failed (exit status {result.ExitStatus}): {result.StandardError.Trim()}");
            return Sacct.Parse(result.StandardOutput, fields, slurmJobId);
        }, cancellationToken);
    }
}
