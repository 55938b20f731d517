using Zoo.Hpc.Settings;

namespace Zoo.Tests.Cluster;

public sealed partial class ClusterEnvironment
{
    /// <summary>Settings as HpcSettings would build them for this cluster, with the given changes.</summary>
    public SshSettings Settings(SshCredentials? credentials = null, HostKeyVerification? hostKey = null, int? port = null, TimeSpan? connectTimeout = null) =>
        new(Host, port ?? Port, User,
            credentials ?? KeyFileCredentials.FromSshKey(Key + ".pub"),
            hostKey ?? new HostKeyVerification(KnownHosts, null),
            connectTimeout ?? TimeSpan.FromSeconds(10));
}
