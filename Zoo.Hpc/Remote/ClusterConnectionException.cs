namespace Zoo.Hpc.Remote;

/// <summary>What went wrong with the cluster connection, for callers that react differently (retry, report, give up).</summary>
public enum ClusterFailure
{
    /// <summary>No TCP connection, or the SSH handshake did not complete (host down, port closed, no answer in time).</summary>
    Unreachable,
    /// <summary>The server's host key is unknown, changed, revoked or not the pinned one: refused before logging in.</summary>
    HostKeyRefused,
    /// <summary>The server refused the login (wrong key, wrong user, wrong password), or the key file cannot be read.</summary>
    AuthenticationFailed,
    /// <summary>A file operation failed, over SFTP or a command (missing file, permission, not a directory, short transfer).</summary>
    FileOperation,
    /// <summary>A remote command could not run, failed where it had to succeed, or did not finish in time.</summary>
    Command,
    /// <summary>The connection broke during an operation.</summary>
    ConnectionLost,
}

/// <summary>
/// Every failure of <see cref="ClusterConnection"/>: the message starts with <c>user@host:port</c> so that an
/// operator reading a job's error knows which cluster and account it is about, then says what failed and,
/// where there is one, what to do.
/// </summary>
public sealed class ClusterConnectionException : Exception
{
    public ClusterConnectionException(ClusterFailure failure, string host, int port, string user, string detail, Exception? inner = null)
        : base($"SSH {user}@{host}:{port}: {detail}", inner)
    {
        Failure = failure;
        Host = host;
        Port = port;
        User = user;
    }

    public ClusterFailure Failure { get; }
    public string Host { get; }
    public int Port { get; }
    public string User { get; }
}
