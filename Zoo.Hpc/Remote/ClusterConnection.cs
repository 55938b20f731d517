using System.Net.Sockets;
using Renci.SshNet;
using Zoo.Core.Files;
using Renci.SshNet.Common;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>
/// The job's one connection to the cluster (ZOO opens one per step and per output, and never closes the last):
/// an SSH.NET <see cref="SshClient"/> for commands, connected in <see cref="OpenAsync"/>, and an
/// <see cref="SftpClient"/> for files, logged in with the same settings and the same host key check when the first
/// file operation needs it; both are closed on <see cref="Dispose"/>. Each client is a TCP connection and an SSH
/// login of its own, so a user that only runs commands (sacct for FinalizeHPC and the waiting worker) costs the
/// cluster's sshd one login, not two. A connection is used by one job's steps one after the other; opening the
/// SFTP client is nonetheless serialized, so that two operations started together share one.
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
public sealed class ClusterConnection : IClusterConnection
{
    private readonly SshSettings _settings;
    private readonly TimeSpan _commandTimeout;
    private readonly SshClient _ssh;
    private readonly HostKeyVerifier _verifier;
    private readonly PrivateKeyFile? _key;
    private readonly SemaphoreSlim _sftpOpening = new(1, 1);
    private SftpClient? _sftp;

    // Several SFTP read requests in flight per copy: what makes a transfer run at the link's speed.
    private const int DownloadBufferSize = 256 * 1024;

    private ClusterConnection(SshSettings settings, TimeSpan commandTimeout, SshClient ssh, HostKeyVerifier verifier, PrivateKeyFile? key)
    {
        _settings = settings;
        _commandTimeout = commandTimeout;
        _ssh = ssh;
        _verifier = verifier;
        _key = key;
    }

    public SshSettings Settings => _settings;

    /// <summary>
    /// Connects, checks the host key and logs in, for commands; the connect timeout bounds the whole. The SFTP
    /// connection for files is made, the same way, by the first file operation.
    /// </summary>
    /// <param name="commandTimeout">How long one remote command may run (<c>ssh_command_timeout</c>).</param>
    /// <exception cref="ClusterConnectionException">unreachable, host key refused, login refused, unreadable key or known_hosts file.</exception>
    public static async Task<ClusterConnection> OpenAsync(SshSettings settings, TimeSpan commandTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var verifier = HostKeyVerifier.Create(settings);
        var key = LoadKey(settings);
        SshClient? ssh = null;
        try
        {
            ssh = new SshClient(CreateConnectionInfo(settings, key, verifier));
            ssh.HostKeyReceived += verifier.OnHostKeyReceived;
            await ConnectAsync(ssh, settings, verifier, cancellationToken).ConfigureAwait(false);
            return new ClusterConnection(settings, commandTimeout, ssh, verifier, key);
        }
        catch
        {
            ssh?.Dispose();
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
            await SftpAsync(what, async sftp =>
            {
                try
                {
                    await sftp.UploadFileAsync(local, partial, cancellationToken).ConfigureAwait(false);
                    var written = (await sftp.GetAttributesAsync(partial, cancellationToken).ConfigureAwait(false)).Size;
                    if (written != local.Length)
                        throw Failure(ClusterFailure.Sftp, $"{what}: the remote copy has {written} bytes instead of {local.Length}");
                    Rename(sftp, partial, remotePath);
                }
                catch
                {
                    await DeleteQuietlyAsync(sftp, partial).ConfigureAwait(false);
                    throw;
                }
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where a download to <paramref name="localPath"/> grows: hidden (never published under tmpUrl), beside it.</summary>
    public static string PartialPathOf(string localPath) =>
        Path.Combine(Path.GetDirectoryName(localPath) ?? ".", "." + Path.GetFileName(localPath) + ".part");

    /// <summary>
    /// Copies a remote file here: into its partial file (<see cref="PartialPathOf"/>, opened without following a link
    /// planted there), size checked, then moved over the target, so a failure never leaves a short file under the
    /// target's name. A partial file left by a broken transfer is resumed from where it stopped rather than fetched
    /// again: outputs of cluster jobs can be large.
    /// </summary>
    /// <exception cref="ClusterConnectionException">the remote file is missing or unreadable, or the local file cannot be written.</exception>
    public async Task DownloadAsync(string remotePath, string localPath, CancellationToken cancellationToken = default)
    {
        var what = $"download of {remotePath} to {localPath}";
        var partial = PartialPathOf(localPath);
        await SftpAsync(what, async sftp =>
        {
            var attributes = await sftp.GetAttributesAsync(remotePath, cancellationToken).ConfigureAwait(false);
            if (attributes.IsDirectory)
                throw Failure(ClusterFailure.Sftp, $"{what}: the remote path is a directory");
            var file = SafeFile.OpenOrCreate(partial);
            await using (file.ConfigureAwait(false))
            {
                // Longer than the remote file: not a prefix of it, start again.
                if (file.Length > attributes.Size)
                    file.SetLength(0);
                file.Seek(0, SeekOrigin.End);
                if (file.Length < attributes.Size)
                {
                    var remote = await sftp.OpenAsync(remotePath, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
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
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the remote path exists (file, directory or anything else).</summary>
    /// <exception cref="ClusterConnectionException">the SFTP request failed.</exception>
    public Task<bool> ExistsAsync(string remotePath, CancellationToken cancellationToken = default) =>
        SftpAsync($"existence check of {remotePath}", sftp => sftp.ExistsAsync(remotePath, cancellationToken), cancellationToken);

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
            await SftpAsync(what, async sftp =>
            {
                if (await IsDirectoryAsync(sftp, current, what, cancellationToken).ConfigureAwait(false))
                    return true;
                try
                {
                    await sftp.CreateDirectoryAsync(current, cancellationToken).ConfigureAwait(false);
                }
                catch (SshException)
                {
                    // created meanwhile by someone else is fine, as with mkdir -p; anything else is the original error
                    if (!await IsDirectoryAsync(sftp, current, what, cancellationToken).ConfigureAwait(false))
                        throw;
                }
                return true;
            }, cancellationToken).ConfigureAwait(false);
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
        Interlocked.Exchange(ref _sftp, null)?.Dispose();
        _key?.Dispose();
        _sftpOpening.Dispose();
    }

    /// <summary>The SFTP client, connected and logged in by the first file operation that needs it.</summary>
    /// <exception cref="ClusterConnectionException">unreachable, host key refused, login refused, no SFTP subsystem.</exception>
    private async Task<SftpClient> SftpClientAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _sftp) is { } open)
            return open;
        await _sftpOpening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sftp is { } opened)
                return opened;
            var sftp = new SftpClient(CreateConnectionInfo(_settings, _key, _verifier));
            sftp.HostKeyReceived += _verifier.OnHostKeyReceived;
            try
            {
                await ConnectAsync(sftp, _settings, _verifier, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // not kept: the next file operation tries again on a fresh client
                sftp.Dispose();
                throw;
            }
            Volatile.Write(ref _sftp, sftp);
            return sftp;
        }
        finally
        {
            _sftpOpening.Release();
        }
    }

    private async Task<bool> IsDirectoryAsync(SftpClient sftp, string path, string what, CancellationToken cancellationToken)
    {
        try
        {
            var attributes = await sftp.GetAttributesAsync(path, cancellationToken).ConfigureAwait(false);
            return attributes.IsDirectory
                ? true
                : throw Failure(ClusterFailure.Sftp, $"{what}: {path} exists and is not a directory");
        }
        catch (SftpPathNotFoundException)
        {
            return false;
        }
    }

    private static void Rename(SftpClient sftp, string from, string to)
    {
        try
        {
            sftp.RenameFile(from, to, isPosix: true);
        }
        catch (NotSupportedException)
        {
            // no posix-rename@openssh.com: plain SFTP rename refuses to replace a file, so remove it first
            if (sftp.Exists(to))
                sftp.DeleteFile(to);
            sftp.RenameFile(from, to);
        }
    }

    private static async Task DeleteQuietlyAsync(SftpClient sftp, string remotePath)
    {
        try
        {
            if (sftp.IsConnected)
                await sftp.DeleteFileAsync(remotePath, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SshException or IOException or InvalidOperationException)
        {
            // the original error matters more
        }
    }

    /// <summary>
    /// Runs an SFTP operation, the SFTP connection made first when this is the first, and turns SSH.NET's and the
    /// file system's exceptions into ours.
    /// </summary>
    private async Task<T> SftpAsync<T>(string what, Func<SftpClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        var sftp = await SftpClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation(sftp).ConfigureAwait(false);
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

    /// <summary>Connects and logs in one client within the connect timeout, failures explained.</summary>
    private static async Task ConnectAsync(BaseClient client, SshSettings settings, HostKeyVerifier verifier, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.ConnectTimeout);
        try
        {
            await client.ConnectAsync(deadline.Token).ConfigureAwait(false);
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
