using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>Opens connections to a cluster: the real sshd (<see cref="ClusterConnectionFactory"/>), or a stand-in in tests.</summary>
public interface IClusterConnectionFactory
{
    /// <summary>A logged-in connection to the cluster of <paramref name="configuration"/>, its commands bounded by its command timeout.</summary>
    /// <exception cref="ClusterConnectionException">unreachable, host key refused, login refused.</exception>
    Task<IClusterConnection> OpenAsync(ClusterConfiguration configuration, CancellationToken cancellationToken);
}
