namespace Zoo.Hpc.Settings;

/// <summary>
/// One configuration section a job runs with (<c>preview_conf</c> or <c>fullres_conf</c>, e.g.
/// <c>[hpc-config-1]</c>): the cluster to reach, the remote directories, and what goes into the
/// sbatch script.
/// </summary>
/// <param name="RemotePersistentDataPath">
/// Where inputs from <c>[security] shared</c> URLs go; null sends them to <see cref="RemoteDataPath"/>.
/// </param>
/// <param name="SbatchSubstr">
/// The prefix sbatch prints before the job id (<c>Submitted batch job </c>); null when not configured,
/// in which case the job id is read from <c>sbatch --parsable</c> output instead.
/// </param>
/// <param name="BillingNbCpu">Kept as text: it is only ever passed on to the callback, which sends text.</param>
/// <param name="RemoteCommandOpt">The sacct field list of ZOO's FinalizeHPC1, when configured.</param>
/// <param name="CommandTimeout">How long one remote command (sbatch, sacct, md5sum) may take.</param>
public sealed record ClusterConfiguration(
    string SectionName,
    SshSettings Ssh,
    string RemoteDataPath,
    string? RemotePersistentDataPath,
    string RemoteWorkPath,
    JobScriptFiles JobScript,
    IReadOnlyList<SbatchOption> SbatchOptions,
    string? SbatchSubstr,
    string BillingNbCpu,
    string? RemoteCommandOpt,
    TimeSpan CommandTimeout)
{
    /// <summary>Whether one connection serves both: the same sshd, login, host key check, key exchange and timeouts.</summary>
    public bool ReachesLike(ClusterConfiguration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Ssh == other.Ssh && CommandTimeout == other.CommandTimeout;
    }
}
