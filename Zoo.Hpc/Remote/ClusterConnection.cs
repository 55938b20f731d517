using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>The outcome of a remote command: its exit status (-1 when it died of a signal), both output streams, and the signal.</summary>
public sealed record RemoteCommandResult(int ExitStatus, string StandardOutput, string StandardError, string? ExitSignal);

/// <summary>
/// The job's one connection to the cluster (ZOO opens one per step and per output, and never closes the last):
/// an SSH.NET <see cref="SshClient"/> for commands and an <see cref="SftpClient"/> for files, logged in with the
/// same settings, connected together in <see cref="OpenAsync"/> and closed together on <see cref="Dispose"/>.
/// <para>
/// The server's host key is checked before logging in (ZOO checks nothing): against the pinned
/// <c>ssh_host_key_fingerprint</c> when set, otherwise against <c>ssh_known_hosts</c> when set, otherwise
/// against the known_hosts files ssh itself reads for the user the kernel runs as (home from the passwd
/// database). An unknown, changed or revoked key is refused with a message that says how to accept it.
/// </para>
/// <para>
/// Commands are given as argument lists and reach the remote shell only through <see cref="ShellQuote.Join"/>.
/// Every failure is a <see cref="ClusterConnectionException"/> naming user, host and port.
/// </para>
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private readonly SshSettings _settings;
    private readonly TimeSpan _commandTimeout;
    private readonly SshClient _ssh;
    private readonly SftpClient _sftp;
    private readonly PrivateKeyFile? _key;

    // Several SFTP read requests in flight per copy: what makes a transfer run at the link's speed.
    private const int DownloadBufferSize = 256 * 1024;

    private ClusterConnection(SshSettings settings, TimeSpan commandTimeout, SshClient ssh, SftpClient sftp, PrivateKeyFile? key)
    {
        _settings = settings;
        _commandTimeout = commandTimeout;
        _ssh = ssh;
        _sftp = sftp;
        _key = key;
    }

    public SshSettings Settings => _settings;

    /// <summary>Connects, checks the host key and logs in (commands and SFTP in parallel); the connect timeout bounds the whole.</summary>
    /// <param name="commandTimeout">How long one remote command may run (<c>ssh_command_timeout</c>).</param>
    /// <exception cref="ClusterConnectionException">unreachable, host key refused, login refused, unreadable key or known_hosts file.</exception>
    public static async Task<ClusterConnection> OpenAsync(SshSettings settings, TimeSpan commandTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var verifier = HostKeyVerifier.Create(settings);
        var key = LoadKey(settings);
        SshClient? ssh = null;
        SftpClient? sftp = null;
        try
        {
            ssh = new SshClient(CreateConnectionInfo(settings, key, verifier));
            sftp = new SftpClient(CreateConnectionInfo(settings, key, verifier));
            ssh.HostKeyReceived += verifier.OnHostKeyReceived;
            sftp.HostKeyReceived += verifier.OnHostKeyReceived;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(settings.ConnectTimeout);
            var sshConnect = ConnectAsync(ssh, settings, verifier, deadline.Token, cancellationToken);
            var sftpConnect = ConnectAsync(sftp, settings, verifier, deadline.Token, cancellationToken);
            await Task.WhenAll(sshConnect, sftpConnect).ConfigureAwait(false);
            return new ClusterConnection(settings, commandTimeout, ssh, sftp, key);
        }
        catch
        {
            ssh?.Dispose();
            sftp?.Dispose();
            key?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one command; the command line is <see cref="ShellQuote.Join"/> of the arguments, so each argument
    /// reaches the program as one literal word. A non-zero exit status is a result, not an exception.
    /// </summary>
    /// <exception cref="ClusterConnectionException">the command could not be run or did not finish within the command timeout.</exception>
    public async Task<RemoteCommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
            throw new ArgumentException("no command given", nameof(arguments));
        var line = ShellQuote.Join(arguments);
        using var command = _ssh.CreateCommand(line);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_commandTimeout);
        try
        {
            await command.ExecuteAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(ClusterFailure.Command, $"{Describe(line)} did not finish within {Seconds(_commandTimeout)} (ssh_command_timeout)");
        }
        catch (SshConnectionException e)
        {
            throw Failure(ClusterFailure.ConnectionLost, $"the connection broke while running {Describe(line)}: {e.Message}", e);
        }
        catch (SshException e)
        {
            throw Failure(ClusterFailure.Command, $"cannot run {Describe(line)}: {e.Message}", e);
        }
        return new RemoteCommandResult(command.ExitStatus ?? -1, command.Result, command.Error, command.ExitSignal);
    }

    /// <summary>
    /// Copies a local file to the cluster: written under a temporary name beside the target, its size checked,
    /// then renamed over the target, so that nobody sees a partial file (ZOO writes in place and ignores write errors).
    /// </summary>
    /// <exception cref="ClusterConnectionException">the local file cannot be read, or the SFTP transfer failed.</exception>
    public async Task UploadAsync(string localPath, string remotePath, CancellationToken cancellationToken = default)
    {
        var what = $"upload of {localPath} to {remotePath}";
        FileStream local;
        try
        {
            local = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(ClusterFailure.Sftp, $"{what}: cannot read the local file: {e.Message}", e);
        }
        await using (local.ConfigureAwait(false))
        {
            var partial = remotePath + ".part-" + Guid.NewGuid().ToString("N")[..12];
            await SftpAsync(what, async () =>
            {
                try
                {
                    await _sftp.UploadFileAsync(local, partial, cancellationToken).ConfigureAwait(false);
                    var written = (await _sftp.GetAttributesAsync(partial, cancellationToken).ConfigureAwait(false)).Size;
                    if (written != local.Length)
                        throw Failure(ClusterFailure.Sftp, $"{what}: the remote copy has {written} bytes instead of {local.Length}");
                    Rename(partial, remotePath);
                }
                catch
                {
                    await DeleteQuietlyAsync(partial).ConfigureAwait(false);
                    throw;
                }
                return true;
            }).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies a remote file here: into <c>&lt;localPath&gt;.part</c>, size checked, then moved over the target, so a
    /// failure never leaves a short file under the target's name. A <c>.part</c> left by a broken transfer is
    /// resumed from where it stopped rather than fetched again: outputs of cluster jobs can be large.
    /// </summary>
    /// <exception cref="ClusterConnectionException">the remote file is missing or unreadable, or the local file cannot be written.</exception>
    public async Task DownloadAsync(string remotePath, string localPath, CancellationToken cancellationToken = default)
    {
        var what = $"download of {remotePath} to {localPath}";
        var partial = localPath + ".part";
        await SftpAsync(what, async () =>
        {
            var attributes = await _sftp.GetAttributesAsync(remotePath, cancellationToken).ConfigureAwait(false);
            if (attributes.IsDirectory)
                throw Failure(ClusterFailure.Sftp, $"{what}: the remote path is a directory");
            var file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                // Longer than the remote file: not a prefix of it, start again.
                if (file.Length > attributes.Size)
                    file.SetLength(0);
                file.Seek(0, SeekOrigin.End);
                if (file.Length < attributes.Size)
                {
                    var remote = await _sftp.OpenAsync(remotePath, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
                    await using (remote.ConfigureAwait(false))
                    {
                        remote.Seek(file.Length, SeekOrigin.Begin);
                        await remote.CopyToAsync(file, DownloadBufferSize, cancellationToken).ConfigureAwait(false);
                    }
                }
                if (file.Length != attributes.Size)
                    throw Failure(ClusterFailure.Sftp, $"{what}: received {file.Length} bytes instead of {attributes.Size}");
            }
            File.Move(partial, localPath, overwrite: true);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Whether the remote path exists (file, directory or anything else).</summary>
    /// <exception cref="ClusterConnectionException">the SFTP request failed.</exception>
    public Task<bool> ExistsAsync(string remotePath, CancellationToken cancellationToken = default) =>
        SftpAsync($"existence check of {remotePath}", () => _sftp.ExistsAsync(remotePath, cancellationToken));

    /// <summary><c>mkdir -p</c> over SFTP: creates each missing directory of the path; existing directories are fine.</summary>
    /// <exception cref="ClusterConnectionException">a component exists and is not a directory, or creating one failed.</exception>
    public async Task CreateDirectoriesAsync(string remoteDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteDirectory);
        var what = $"creation of the directory {remoteDirectory}";
        var path = remoteDirectory.StartsWith('/') ? "" : null;
        foreach (var component in remoteDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = path is null ? component : path + "/" + component;
            if (component == ".")
                continue;
            var current = path;
            await SftpAsync(what, async () =>
            {
                if (await IsDirectoryAsync(current, what, cancellationToken).ConfigureAwait(false))
                    return true;
                try
                {
                    await _sftp.CreateDirectoryAsync(current, cancellationToken).ConfigureAwait(false);
                }
                catch (SshException)
                {
                    // created meanwhile by someone else is fine, as with mkdir -p; anything else is the original error
                    if (!await IsDirectoryAsync(current, what, cancellationToken).ConfigureAwait(false))
                        throw;
                }
                return true;
            }).ConfigureAwait(false);
        }
    }

    /// <summary>The SHA-256 of a remote file (lower-case hex), computed on the cluster by <c>sha256sum -- path</c>.</summary>
    /// <exception cref="ClusterConnectionException">sha256sum failed (missing file, ...) or printed no checksum.</exception>
    public async Task<string> Sha256Async(string remotePath, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["sha256sum", "--", remotePath], cancellationToken).ConfigureAwait(false);
        if (result.ExitStatus != 0)
            throw Failure(ClusterFailure.Command, $"sha256sum of {remotePath} failed (exit status {result.ExitStatus}): {result.StandardError.Trim()}");
        // sha256sum prefixes the line with a backslash when it had to escape the file name.
        var output = result.StandardOutput.TrimStart('\\');
        if (output.Length < 64 || !output[..64].All(char.IsAsciiHexDigit) || (output.Length > 64 && output[64] != ' '))
            throw Failure(ClusterFailure.Command, $"sha256sum of {remotePath} printed no checksum: \"{result.StandardOutput.Trim()}\"");
        return output[..64].ToLowerInvariant();
    }

    public void Dispose()
    {
        _ssh.Dispose();
        _sftp.Dispose();
        _key?.Dispose();
    }

    private async Task<bool> IsDirectoryAsync(string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            var attributes = await _sftp.GetAttributesAsync(path, cancellationToken).ConfigureAwait(false);
            return attributes.IsDirectory
                ? true
                : throw Failure(ClusterFailure.Sftp, $"{what}: {path} exists and is not a directory");
        }
        catch (SftpPathNotFoundException)
        {
            return false;
        }
    }

    private void Rename(string from, string to)
    {
        try
        {
            _sftp.RenameFile(from, to, isPosix: true);
        }
        catch (NotSupportedException)
        {
            // no posix-rename@openssh.com: plain SFTP rename refuses to replace a file, so remove it first
            if (_sftp.Exists(to))
                _sftp.DeleteFile(to);
            _sftp.RenameFile(from, to);
        }
    }

    private async Task DeleteQuietlyAsync(string remotePath)
    {
        try
        {
            if (_sftp.IsConnected)
                await _sftp.DeleteFileAsync(remotePath, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SshException or IOException or InvalidOperationException)
        {
            // the original error matters more
        }
    }

    /// <summary>Runs an SFTP operation and turns SSH.NET's and the file system's exceptions into ours.</summary>
    private async Task<T> SftpAsync<T>(string what, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException e)
        {
            throw Failure(ClusterFailure.Sftp, $"{what}: no such file or directory ({e.Message})", e);
        }
        catch (SftpPermissionDeniedException e)
        {
            throw Failure(ClusterFailure.Sftp, $"{what}: permission denied ({e.Message})", e);
        }
        catch (SshConnectionException e)
        {
            throw Failure(ClusterFailure.ConnectionLost, $"{what}: the connection broke: {e.Message}", e);
        }
        catch (SshOperationTimeoutException e)
        {
            throw Failure(ClusterFailure.Sftp, $"{what}: no answer in time: {e.Message}", e);
        }
        catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException)
        {
            throw Failure(ClusterFailure.Sftp, $"{what}: {e.Message}", e);
        }
    }

    private ClusterConnectionException Failure(ClusterFailure failure, string detail, Exception? inner = null) =>
        new(failure, _settings.Host, _settings.Port, _settings.User, detail, inner);

    private static ClusterConnectionException Failure(SshSettings settings, ClusterFailure failure, string detail, Exception? inner = null) =>
        new(failure, settings.Host, settings.Port, settings.User, detail, inner);

    private static string Describe(string line) => "`" + (line.Length <= 200 ? line : line[..200] + "...") + "`";

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    private static PrivateKeyFile? LoadKey(SshSettings settings)
    {
        if (settings.Credentials is not KeyFileCredentials key)
            return null;
        try
        {
            return new PrivateKeyFile(key.PrivateKeyPath);
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            throw Failure(settings, ClusterFailure.AuthenticationFailed,
                $"the private key {key.PrivateKeyPath} is protected by a passphrase, which ZOO's ssh_key cannot give: use a key without one", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            var from = key.PublicKeyPath is null ? "ssh_key" : $"ssh_key={key.PublicKeyPath} (the private key is the same path without .pub)";
            throw Failure(settings, ClusterFailure.AuthenticationFailed,
                $"cannot use the private key {key.PrivateKeyPath} from {from}: {e.Message}", e);
        }
    }

    private static ConnectionInfo CreateConnectionInfo(SshSettings settings, PrivateKeyFile? key, HostKeyVerifier verifier)
    {
        AuthenticationMethod method = settings.Credentials switch
        {
            PasswordCredentials password => new PasswordAuthenticationMethod(settings.User, password.Password),
            KeyFileCredentials => new PrivateKeyAuthenticationMethod(settings.User, key!),
            _ => throw new InvalidOperationException($"unsupported credentials {settings.Credentials.GetType().Name}"),
        };
        var info = new ConnectionInfo(settings.Host, settings.Port, settings.User, method)
        {
            Timeout = settings.ConnectTimeout,
        };
        verifier.RestrictAlgorithms(info);
        return info;
    }

    private static async Task ConnectAsync(BaseClient client, SshSettings settings, HostKeyVerifier verifier,
        CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (verifier.Refusal is not null && !cancellationToken.IsCancellationRequested)
        {
            throw Failure(settings, ClusterFailure.HostKeyRefused, verifier.Refusal!, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(settings, ClusterFailure.Unreachable,
                $"no SSH connection within {Seconds(settings.ConnectTimeout)} (ssh_connect_timeout): is the host up and the port right?", e);
        }
        catch (SshOperationTimeoutException e)
        {
            throw Failure(settings, ClusterFailure.Unreachable,
                $"no SSH answer within {Seconds(settings.ConnectTimeout)} (ssh_connect_timeout): {e.Message}", e);
        }
        catch (SocketException e)
        {
            throw Failure(settings, ClusterFailure.Unreachable, $"cannot connect: {e.Message} (is sshd running there, and is ssh_port right?)", e);
        }
        catch (SshAuthenticationException e)
        {
            var how = settings.Credentials switch
            {
                KeyFileCredentials key => $"with the key {key.PrivateKeyPath}: is its public key in ~{settings.User}/.ssh/authorized_keys on the cluster?",
                _ => "with the password from ssh_password",
            };
            throw Failure(settings, ClusterFailure.AuthenticationFailed, $"the server refused the login of {settings.User} {how} ({e.Message})", e);
        }
        catch (SshException e)
        {
            throw Failure(settings, ClusterFailure.Unreachable, $"the SSH handshake failed: {e.Message}", e);
        }
    }
}
