namespace Zoo.Hpc.Settings;

/// <summary>Where and how to reach the cluster's SSH server: <c>ssh_host</c>, <c>ssh_port</c>, <c>ssh_user</c> and the rest.</summary>
public sealed record SshSettings(
    string Host,
    int Port,
    string User,
    SshCredentials Credentials,
    HostKeyVerification HostKey,
    TimeSpan ConnectTimeout);
