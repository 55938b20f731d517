using System.Globalization;
using System.Net.Sockets;
using Renci.SshNet;
using Zoo.Core.Files;
using Renci.SshNet.Common;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>
/// The job's one connection to the cluster (ZOO opens one per step and per output, and never closes the last):
/// an SSH.NET <see cref="SshClient"/>, connected in <see cref="OpenAsync"/>, for commands and for the files that
/// commands carry best: directories made with one <c>mkdir -p</c>, and files of up to
/// <see cref="CommandChannelLimit"/> copied through <c>cat</c> on an exec channel of that same connection (a job
/// script, a small input, a small output). Larger files go through an <see cref="SftpClient"/>, logged in with the
/// same settings and the same host key check when the first of them needs it: SFTP's pipelined, resumable transfer
/// pays for its own TCP connection and login there, and only there. So a job whose files are small costs the
/// cluster's sshd one login, and so does every user that only runs commands (sacct for FinalizeHPC and the waiting
/// worker). A connection is used by one job's steps one after the other; opening the SFTP client is nonetheless
/// serialized, so that two operations started together share one.
/// <para>
/// The server's host key is checked before logging in (ZOO checks nothing): against the pinned
/// <c>ssh_host_key_fingerprint</c> when set, otherwise against <c>ssh_known_hosts</c> when set, otherwise
/// against the known_hosts files ssh itself reads for the user the kernel runs as (home from the passwd
/// database). An unknown, changed or revoked key is refused with a message that says how to accept it. The key
/// exchange is the fastest safe one unless the operator lists others (<see cref="KeyExchangeOrder"/>).
/// </para>
/// <para>
/// Commands are given as argument lists and reach the remote shell only through <see cref="ShellQuote.Join"/>; the
/// few that need a shell (<c>sh -c</c>) are constant scripts that take every value as a positional argument.
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

    /// <summary>
    /// The largest file copied over the command connection (<c>cat</c> on an exec channel) rather than SFTP. Below it
    /// the copy takes one command on the connection already open, where SFTP would first need a TCP connection and a
    /// login of its own (on the test cluster at load 18: a command on the open connection 120 ms, the SFTP login
    /// 310 ms); a download this size is held in memory once. Above it, SFTP's pipelined transfer, which resumes a
    /// broken download, is worth its connection.
    /// </summary>
    public const long CommandChannelLimit = 1024 * 1024;

    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(30);

    // $1 the partial name beside the target, $2 the size sent, $3 the target, $4 how many directories follow, those
    // directories, then the command to run once the file is in place, if any. The directories are made (mkdir -p), the
    // file written, its size checked, renamed over the target, removed again when anything failed (exit status 125,
    // UploadFailed, which no command we run uses). An empty file is not read from the standard input: SSH.NET closes an
    // input stream nothing was written to without telling the server, so cat would wait for ever.
    private const string UploadScript =
        "p=$1 n=$2 t=$3 k=$4; shift 4; while [ \"$k\" -gt 0 ]; do mkdir -p -- \"$1\" || exit 125; shift; k=$((k - 1)); done;"
        + " { [ \"$n\" -eq 0 ] || cat; } >\"$p\" && [ $(wc -c <\"$p\") -eq \"$n\" ] && mv -f -- \"$p\" \"$t\""
        + " || { rm -f -- \"$p\"; exit 125; }; [ $# -eq 0 ] || exec \"$@\"";

    private const int UploadFailed = 125;

    // $1 the file, $2 the limit: prints the file's size on a line, then, when it is at most the limit, sha256sum's line
    // and the file (SmallFile reads it). Exits with MissingStatus when there is no such file, DirectoryStatus when it
    // is a directory.
    private const string DownloadScript =
        "[ -e \"$1\" ] || exit 3; [ ! -d \"$1\" ] || exit 4; n=$(wc -c <\"$1\") || exit 1; echo $n; [ $n -gt \"$2\" ] && exit 0;"
        + " sha256sum <\"$1\" && exec cat <\"$1\"";

    private const int MissingStatus = 3;
    private const int DirectoryStatus = 4;

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
            ssh = new SshClient(CreateConnectionInfo(settings, key, verifier))
            {
                // A job's worker holds its connection while the job runs: keep-alives keep firewalls and NAT from
                // dropping it as idle, and make a connection that died anyway fail, so that the next use reconnects.
                KeepAliveInterval = KeepAliveInterval,
            };
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
        using var command = await ExecuteAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        return new RemoteCommandResult(command.ExitStatus ?? -1, command.Result, command.Error, command.ExitSignal);
    }

    /// <summary>
    /// Runs a command to its end within the command timeout, <paramref name="input"/> (when given) on its standard
    /// input; the caller reads its outputs and disposes it.
    /// </summary>
    private async Task<SshCommand> ExecuteAsync(IReadOnlyList<string> arguments, Stream? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
            throw new ArgumentException("no command given", nameof(arguments));
        var line = ShellQuote.Join(arguments);
        var command = _ssh.CreateCommand(line);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_commandTimeout);
        try
        {
            var execution = command.ExecuteAsync(deadline.Token);
            if (input is not null)
                await SendAsync(command, input, deadline.Token).ConfigureAwait(false);
            await execution.ConfigureAwait(false);
            return command;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            command.Dispose();
            throw Failure(ClusterFailure.Command, $"{Describe(line)} did not finish within {Seconds(_commandTimeout)} (ssh_command_timeout)");
        }
        catch (SshConnectionException e)
        {
            command.Dispose();
            throw Failure(ClusterFailure.ConnectionLost, $"the connection broke while running {Describe(line)}: {e.Message}", e);
        }
        catch (SshException e)
        {
            command.Dispose();
            throw Failure(ClusterFailure.Command, $"cannot run {Describe(line)}: {e.Message}", e);
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    /// <summary>Writes <paramref name="input"/> to the command's standard input and closes it, which ends what the command reads.</summary>
    private static async Task SendAsync(SshCommand command, Stream input, CancellationToken cancellationToken)
    {
        var stdin = command.CreateInputStream();
        try
        {
            await input.CopyToAsync(stdin, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The command stopped reading (it failed): its exit status and error say why.
        }
        try
        {
            await stdin.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the command has ended already
        }
    }

    /// <summary>
    /// Copies a local file to the cluster: written under a temporary name beside the target, its size checked,
    /// then renamed over the target, so that nobody sees a partial file (ZOO writes in place and ignores write errors).
    /// A file of up to <see cref="CommandChannelLimit"/> goes through <c>cat</c> on the command connection, a larger
    /// one over SFTP.
    /// </summary>
    /// <exception cref="ClusterConnectionException">the local file cannot be read, or the transfer failed.</exception>
    public async Task UploadAsync(string localPath, string remotePath, CancellationToken cancellationToken = default) =>
        await UploadAndRunAsync(localPath, remotePath, [], [], cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// <see cref="CreateDirectoriesAsync"/>, <see cref="UploadAsync"/>, then runs a command as <see cref="RunAsync"/>
    /// does once the file is in place: for a small file, all in one round trip (a job's directories, its script and
    /// sbatch).
    /// </summary>
    /// <param name="directories">Directories to make first (<c>mkdir -p</c>); none makes none.</param>
    /// <param name="arguments">The command; none runs nothing (and the result is an empty success).</param>
    /// <exception cref="ClusterConnectionException">
    /// a directory cannot be made, the local file cannot be read, the transfer failed, or the command could not run.
    /// </exception>
    public async Task<RemoteCommandResult> UploadAndRunAsync(string localPath, string remotePath, IReadOnlyList<string> directories,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(arguments);
        var what = $"upload of {localPath} to {remotePath}";
        FileStream local;
        try
        {
            local = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(ClusterFailure.FileOperation, $"{what}: cannot read the local file: {e.Message}", e);
        }
        await using (local.ConfigureAwait(false))
        {
            var partial = remotePath + ".part-" + Guid.NewGuid().ToString("N")[..12];
            if (local.Length <= CommandChannelLimit)
            {
                var size = local.Length.ToString(CultureInfo.InvariantCulture);
                var count = directories.Count.ToString(CultureInfo.InvariantCulture);
                using var command = await ExecuteAsync(["sh", "-c", UploadScript, "sh", partial, size, remotePath, count, .. directories, .. arguments],
                    local.Length > 0 ? local : null, cancellationToken).ConfigureAwait(false);
                if (command.ExitStatus == UploadFailed)
                    throw Failure(ClusterFailure.FileOperation, $"{what}: {Complaint(command)}");
                return new RemoteCommandResult(command.ExitStatus ?? -1, command.Result, command.Error, command.ExitSignal);
            }
            if (directories.Count > 0)
                await CreateDirectoriesAsync(directories, cancellationToken).ConfigureAwait(false);
            await SftpAsync(what, async sftp =>
            {
                try
                {
                    await sftp.UploadFileAsync(local, partial, cancellationToken).ConfigureAwait(false);
                    var written = (await sftp.GetAttributesAsync(partial, cancellationToken).ConfigureAwait(false)).Size;
                    if (written != local.Length)
                        throw Failure(ClusterFailure.FileOperation, $"{what}: the remote copy has {written} bytes instead of {local.Length}");
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
        return arguments.Count == 0
            ? new RemoteCommandResult(0, "", "", null)
            : await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a download to <paramref name="localPath"/> grows: hidden (never published under tmpUrl), beside it.</summary>
    public static string PartialPathOf(string localPath) =>
        Path.Combine(Path.GetDirectoryName(localPath) ?? ".", "." + Path.GetFileName(localPath) + ".part");

    /// <summary>
    /// Copies a remote file here: into its partial file (<see cref="PartialPathOf"/>, opened without following a link
    /// planted there), size checked, then moved over the target, so a failure never leaves a short file under the
    /// target's name. A file of up to <see cref="CommandChannelLimit"/> comes through <c>cat</c> on the command
    /// connection, with its size and SHA-256, all from the one command that finds its size; a larger one over SFTP,
    /// where a partial file left by a broken transfer is resumed from where it stopped rather than fetched again
    /// (outputs of cluster jobs can be large), and its SHA-256 is asked for after.
    /// </summary>
    /// <returns>The SHA-256 of the remote file as the cluster computed it (lower-case hex), to compare with what arrived.</returns>
    /// <exception cref="ClusterConnectionException">the remote file is missing or unreadable, or the local file cannot be written.</exception>
    public async Task<string> DownloadAsync(string remotePath, string localPath, CancellationToken cancellationToken = default)
    {
        var what = $"download of {remotePath} to {localPath}";
        var partial = PartialPathOf(localPath);
        var limit = CommandChannelLimit.ToString(CultureInfo.InvariantCulture);
        using (var command = await ExecuteAsync(["sh", "-c", DownloadScript, "sh", remotePath, limit], null, cancellationToken)
                   .ConfigureAwait(false))
        {
            var output = new MemoryStream();
            await command.OutputStream.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            var small = command.ExitStatus switch
            {
                0 => SmallFile.Read(output.GetBuffer().AsSpan(0, (int)output.Length)),
                MissingStatus => throw Failure(ClusterFailure.FileOperation, $"{what}: no such file or directory"),
                DirectoryStatus => throw Failure(ClusterFailure.FileOperation, $"{what}: the remote path is a directory"),
                _ => throw Failure(ClusterFailure.FileOperation, $"{what}: {Complaint(command)}"),
            };
            if (small is null)
                throw Failure(ClusterFailure.FileOperation, $"{what}: the cluster's answer was not a size, a checksum and the file");
            if (small.Value.Sha256 is { } sha256)
            {
                WriteSmall(small.Value, partial, localPath, what);
                return sha256;
            }
        }
        await SftpAsync(what, async sftp =>
        {
            var attributes = await sftp.GetAttributesAsync(remotePath, cancellationToken).ConfigureAwait(false);
            if (attributes.IsDirectory)
                throw Failure(ClusterFailure.FileOperation, $"{what}: the remote path is a directory");
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
                    throw Failure(ClusterFailure.FileOperation, $"{what}: received {file.Length} bytes instead of {attributes.Size}");
            }
            File.Move(partial, localPath, overwrite: true);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return await Sha256Async(remotePath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A small download's bytes, written to its partial file, checked against the size the cluster gave, moved in place.</summary>
    private void WriteSmall(SmallFile small, string partial, string localPath, string what)
    {
        if (small.Content.Length != small.Size)
            throw Failure(ClusterFailure.FileOperation, $"{what}: received {small.Content.Length} bytes instead of {small.Size}");
        try
        {
            using (var file = SafeFile.OpenOrCreate(partial))
            {
                file.SetLength(0);
                file.Write(small.Content);
            }
            File.Move(partial, localPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(ClusterFailure.FileOperation, $"{what}: {e.Message}", e);
        }
    }

    /// <summary><c>mkdir -p</c> of every directory in one command; existing directories are fine.</summary>
    /// <exception cref="ClusterConnectionException">a component exists and is not a directory, or creating one failed.</exception>
    public async Task CreateDirectoriesAsync(IReadOnlyList<string> remoteDirectories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteDirectories);
        if (remoteDirectories.Count == 0 || remoteDirectories.Any(string.IsNullOrEmpty))
            throw new ArgumentException("no directory, or an empty one, given", nameof(remoteDirectories));
        using var command = await ExecuteAsync(["mkdir", "-p", "--", .. remoteDirectories], null, cancellationToken).ConfigureAwait(false);
        if (command.ExitStatus != 0)
            throw Failure(ClusterFailure.FileOperation, $"creation of the directories {string.Join(", ", remoteDirectories)}: {Complaint(command)}");
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
            throw Failure(ClusterFailure.FileOperation, $"{what}: no such file or directory ({e.Message})", e);
        }
        catch (SftpPermissionDeniedException e)
        {
            throw Failure(ClusterFailure.FileOperation, $"{what}: permission denied ({e.Message})", e);
        }
        catch (SshConnectionException e)
        {
            throw Failure(ClusterFailure.ConnectionLost, $"{what}: the connection broke: {e.Message}", e);
        }
        catch (SshOperationTimeoutException e)
        {
            throw Failure(ClusterFailure.FileOperation, $"{what}: no answer in time: {e.Message}", e);
        }
        catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException)
        {
            throw Failure(ClusterFailure.FileOperation, $"{what}: {e.Message}", e);
        }
    }

    private ClusterConnectionException Failure(ClusterFailure failure, string detail, Exception? inner = null) =>
        new(failure, _settings.Host, _settings.Port, _settings.User, detail, inner);

    private static ClusterConnectionException Failure(SshSettings settings, ClusterFailure failure, string detail, Exception? inner = null) =>
        new(failure, settings.Host, settings.Port, settings.User, detail, inner);

    /// <summary>What a failed command said, or its exit status when it said nothing.</summary>
    private static string Complaint(SshCommand command) =>
        command.Error.Trim() is { Length: > 0 } error ? error : $"exit status {command.ExitStatus?.ToString(CultureInfo.InvariantCulture) ?? command.ExitSignal}";

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
        KeyExchangeOrder.Apply(info.KeyExchangeAlgorithms, settings.KeyExchangeNames);
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
