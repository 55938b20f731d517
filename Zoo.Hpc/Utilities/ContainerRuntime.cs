using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// Finds the container program of a cluster that <c>[HPC] container_command</c> does not name: Singularity, or
/// Apptainer (its successor under the Linux Foundation), whichever the SSH user's shell finds first, in that order.
/// </summary>
public static class ContainerRuntime
{
    public static IReadOnlyList<string> Candidates { get; } = ["singularity", "apptainer"];

    /// <summary>The shell's own lookup: no <c>which</c> needed on the cluster, and it sees the PATH the pull will run with.</summary>
    public static IReadOnlyList<string> LookupCommand(string program) => ["command", "-v", program];

    /// <returns>The first candidate the cluster has, or null when it has none.</returns>
    /// <exception cref="ClusterConnectionException">a lookup could not run.</exception>
    public static async Task<string?> FindAsync(IClusterConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var program in Candidates)
        {
            var found = await connection.RunAsync(LookupCommand(program), cancellationToken).ConfigureAwait(false);
            if (found.ExitStatus == 0 && !string.IsNullOrWhiteSpace(found.StandardOutput))
                return program;
        }
        return null;
    }
}
