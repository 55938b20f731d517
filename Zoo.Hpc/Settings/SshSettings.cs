namespace Zoo.Hpc.Settings;

/// <summary>Where and how to reach the cluster's SSH server: <c>ssh_host</c>, <c>ssh_port</c>, <c>ssh_user</c> and the rest.</summary>
/// <param name="KeyExchangeAlgorithms">
/// <c>ssh_kex_algorithms</c>: the key exchange algorithms to offer, comma-separated in order of preference; null
/// offers SSH.NET's with the fastest first (<see cref="Remote.KeyExchangeOrder"/>). Text, so that two sections that
/// reach the cluster alike compare equal.
/// </param>
public sealed record SshSettings(
    string Host,
    int Port,
    string User,
    SshCredentials Credentials,
    HostKeyVerification HostKey,
    TimeSpan ConnectTimeout,
    string? KeyExchangeAlgorithms = null)
{
    /// <summary>The names of <see cref="KeyExchangeAlgorithms"/>, or null when the operator named none.</summary>
    public IReadOnlyList<string>? KeyExchangeNames => KeyExchangeAlgorithms?.Split(',');
}
