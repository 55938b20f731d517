using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>
/// What the kernel does on the cluster: run commands, move files. <see cref="ClusterConnection"/> does it over SSH;
/// everything above it (what to stage where, what to run, when to give up or retry) takes this interface from an
/// <see cref="IClusterConnectionFactory"/>, as SSH.NET's clients take their sessions from its IServiceFactory, so
/// those decisions are tested without a server and the wire is tested against the real sshd.
/// </summary>
public interface IClusterConnection : IDisposable
{
    /// <summary>Where the connection goes; the failures it reports name this user, host and port.</summary>
    SshSettings Settings { get; }

    /// <inheritdoc cref="ClusterConnection.RunAsync"/>
    Task<RemoteCommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);

    /// <inheritdoc cref="ClusterConnection.UploadAsync"/>
    Task UploadAsync(string localPath, string remotePath, CancellationToken cancellationToken);

    /// <inheritdoc cref="ClusterConnection.UploadAndRunAsync"/>
    Task<RemoteCommandResult> UploadAndRunAsync(string localPath, string remotePath, IReadOnlyList<string> directories,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken);

    /// <inheritdoc cref="ClusterConnection.DownloadAsync"/>
    Task<string> DownloadAsync(string remotePath, string localPath, CancellationToken cancellationToken);

    /// <inheritdoc cref="ClusterConnection.Sha256Async"/>
    Task<string> Sha256Async(string remotePath, CancellationToken cancellationToken);
}
