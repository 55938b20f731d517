using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>Opens <see cref="ClusterConnection"/>s: SSH.NET to the configuration's sshd, host key verified.</summary>
public sealed class ClusterConnectionFactory : IClusterConnectionFactory
{
    public async Task<IClusterConnection> OpenAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return await ClusterConnection.OpenAsync(configuration.Ssh, configuration.CommandTimeout, cancellationToken).ConfigureAwait(false);
    }
}
