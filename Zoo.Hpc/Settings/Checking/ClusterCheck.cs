using Zoo.Core.Configuration.Checking;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Settings.Checking;

/// <summary>
/// Online: each cluster of the HPC sections reached as a job reaches it, through the kernel's own connection (host key
/// verified as for a job), then asked over that connection whether the SSH user's shell finds <c>sbatch</c>, which
/// submits every job, and <c>sacct</c>, which FinalizeHPC and the waiting worker ask how a job ended. Sections that
/// log in alike are checked once.
/// </summary>
internal sealed class ClusterCheck(IClusterConnectionFactory connections)
{
    private static readonly (string Program, string Purpose)[] SlurmCommands =
    [
        ("sbatch", "no job can be submitted"),
        ("sacct", "FinalizeHPC and the waiting worker cannot learn how a job ended"),
    ];

    public async Task CheckAsync(CheckContext context, FindingList findings, IReadOnlyList<ClusterConfiguration> configurations,
        CancellationToken cancellationToken)
    {
        foreach (var configuration in configurations.DistinctBy(c => c.Ssh))
        {
            var section = configuration.SectionName;
            var ssh = configuration.Ssh;
            if (ssh.HostKey is { Sha256Fingerprint: null, KnownHostsPath: null } && context.Access.UserName != Environment.UserName)
                findings.Notice(context.InMain(section, "ssh_host"),
                    $"the host key was checked against the known_hosts of {Environment.UserName}; the kernel, run as {context.Access.UserName}, reads that user's");
            IClusterConnection connection;
            try
            {
                connection = await connections.OpenAsync(configuration, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterConnectionException e)
            {
                findings.Error(context.InMain(section, KeyOf(e.Failure, ssh)), e.Message);
                continue;
            }
            using (connection)
            {
                foreach (var (program, purpose) in SlurmCommands)
                {
                    try
                    {
                        var found = await connection.RunAsync(["command", "-v", program], cancellationToken).ConfigureAwait(false);
                        if (found.ExitStatus != 0)
                            findings.Error(context.InMain(section, "ssh_user"),
                                $"{program} is not on the PATH of {ssh.User}@{ssh.Host}:{ssh.Port}: {purpose}");
                    }
                    catch (ClusterConnectionException e)
                    {
                        findings.Error(context.InMain(section, "ssh_host"), e.Message);
                    }
                }
            }
        }
    }

    /// <summary>The key an operator changes to fix a failed connection.</summary>
    private static string KeyOf(ClusterFailure failure, SshSettings ssh) => failure switch
    {
        ClusterFailure.HostKeyRefused => ssh.HostKey.Sha256Fingerprint is not null ? "ssh_host_key_fingerprint" : "ssh_known_hosts",
        ClusterFailure.AuthenticationFailed => ssh.Credentials is PasswordCredentials ? "ssh_password" : "ssh_key",
        _ => "ssh_host",
    };
}
