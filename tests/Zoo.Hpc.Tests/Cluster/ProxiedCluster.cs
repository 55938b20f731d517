using Zoo.Hpc.Settings;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Cluster;

/// <summary>
/// The test cluster reached through a <see cref="CountingTcpProxy"/>: its host keys copied into a known_hosts file
/// under the proxy's address (host keys are checked as usual), and settings or main.cfg sections that use it.
/// </summary>
public sealed class ProxiedCluster : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private ProxiedCluster(ClusterEnvironment cluster)
    {
        Cluster = cluster;
        Proxy = CountingTcpProxy.To(cluster.Host, cluster.Port);
        var original = $"[{cluster.Host}]:{cluster.Port} ";
        var proxied = $"[{CountingTcpProxy.Host}]:{Proxy.Port} ";
        KnownHosts = _directory.Write("known_hosts", string.Concat(File.ReadAllLines(cluster.KnownHosts)
            .Where(line => line.StartsWith(original, StringComparison.Ordinal))
            .Select(line => proxied + line[original.Length..] + "\n")));
    }

    public ClusterEnvironment Cluster { get; }

    public CountingTcpProxy Proxy { get; }

    public string KnownHosts { get; }

    public static ProxiedCluster Start(ClusterEnvironment cluster) => new(cluster);

    public SshSettings Settings => Cluster.Settings(hostKey: new HostKeyVerification(KnownHosts, null), port: Proxy.Port)
        with { Host = CountingTcpProxy.Host };

    /// <summary>main.cfg with tmpPath and an [HPC] section whose preview and fullres section is this cluster, through the proxy.</summary>
    public string MainConfig(string tmpPath) => $"""
        [main]
        tmpPath={tmpPath}

        [HPC]
        preview_max_pixels=820800
        preview_max_features=100000
        preview_conf=hpc-proxied
        fullres_conf=hpc-proxied

        [hpc-proxied]
        ssh_host={CountingTcpProxy.Host}
        ssh_port={Proxy.Port}
        ssh_user={Cluster.User}
        ssh_key={Cluster.Key}.pub
        ssh_known_hosts={KnownHosts}
        ssh_connect_timeout=20
        remote_data_path={Cluster.RemoteHome}/zoo/data
        remote_work_path={Cluster.RemoteHome}/zoo/work
        """;

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        _directory.Dispose();
    }
}
