using System.Security.Cryptography;
using Renci.SshNet;
using Renci.SshNet.Common;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>
/// Decides whether to trust the host key a server offers (SSH.NET's <c>HostKeyReceived</c>), by the rule in
/// <see cref="HostKeyVerification"/>: the pinned fingerprint when set, else the known_hosts files. Remembers why
/// it refused, because SSH.NET then only reports a generic "key exchange negotiation failed".
/// </summary>
internal sealed class HostKeyVerifier
{
    private readonly SshSettings _settings;
    private readonly KnownHosts? _knownHosts;
    private readonly bool _customKnownHosts;
    private volatile string? _refusal;

    private HostKeyVerifier(SshSettings settings, KnownHosts? knownHosts, bool customKnownHosts)
    {
        _settings = settings;
        _knownHosts = knownHosts;
        _customKnownHosts = customKnownHosts;
    }

    /// <summary>Why the last offered key was refused, or null.</summary>
    public string? Refusal => _refusal;

    /// <exception cref="ClusterConnectionException">a known_hosts file exists but cannot be read.</exception>
    public static HostKeyVerifier Create(SshSettings settings)
    {
        var verification = settings.HostKey;
        if (verification.Sha256Fingerprint is not null)
            return new HostKeyVerifier(settings, null, false);
        var custom = verification.KnownHostsPath is not null;
        var files = custom ? [verification.KnownHostsPath!] : LocalUser.DefaultKnownHostsFiles();
        try
        {
            return new HostKeyVerifier(settings, KnownHosts.Load(files), custom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClusterConnectionException(ClusterFailure.HostKeyRefused, settings.Host, settings.Port, settings.User,
                $"cannot read the known_hosts file: {e.Message}", e);
        }
    }

    /// <summary>
    /// Keeps only the host key algorithms of the key types known_hosts holds for this host, as ssh prefers them:
    /// otherwise SSH.NET might negotiate an RSA key for a host known by its ed25519 key and refuse a good server.
    /// </summary>
    public void RestrictAlgorithms(ConnectionInfo info)
    {
        if (_knownHosts is null)
            return;
        var types = _knownHosts.KeyTypesFor(_settings.Host, _settings.Port);
        if (types.Count == 0)
            return;
        var keep = info.HostKeyAlgorithms.Keys.Where(algorithm => types.Any(type => Serves(algorithm, type))).ToList();
        if (keep.Count == 0)
            return; // known only by types SSH.NET cannot use: let the check below explain
        foreach (var algorithm in info.HostKeyAlgorithms.Keys.ToList())
        {
            if (!keep.Contains(algorithm))
                info.HostKeyAlgorithms.Remove(algorithm);
        }
    }

    private static bool Serves(string algorithm, string keyType) =>
        algorithm == keyType || keyType == "ssh-rsa" && algorithm is "rsa-sha2-512" or "rsa-sha2-256";

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        var refusal = Check(e.HostKey, e.FingerPrintSHA256);
        if (refusal is not null)
            _refusal = refusal;
        e.CanTrust = refusal is null;
    }

    /// <summary>Null when the key is trusted, else the message for the operator.</summary>
    internal string? Check(byte[] key, string? offeredFingerprint = null)
    {
        var fingerprint = offeredFingerprint ?? Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');
        var type = KnownHosts.KeyTypeOf(key);
        var offered = $"{type} key SHA256:{fingerprint}";
        var name = KnownHosts.HostName(_settings.Host, _settings.Port);
        var pin = $"or set ssh_host_key_fingerprint=SHA256:{fingerprint} in the HPC configuration section";

        if (_settings.HostKey.Sha256Fingerprint is { } pinned)
        {
            return string.Equals(pinned, fingerprint, StringComparison.Ordinal)
                ? null
                : $"host key refused: the server offers the {offered}, which is not the pinned ssh_host_key_fingerprint=SHA256:{pinned}. "
                  + $"If the cluster's key really changed (check with its administrator), set ssh_host_key_fingerprint=SHA256:{fingerprint}";
        }

        var check = _knownHosts!.Check(_settings.Host, _settings.Port, key);
        var files = string.Join(", ", _knownHosts.Sources);
        var where = $"{check.Source} line {check.Line}";
        var sshOnce = SshCommandLine();
        return check.Status switch
        {
            KnownHostStatus.Known => null,
            KnownHostStatus.Unknown =>
                $"host key refused: {name} is not in the known hosts ({files}); the server offers the {offered}. "
                + $"To accept it, check the fingerprint with the cluster's administrator, then connect once as the user the kernel runs as"
                + $" ({Environment.UserName}) with `{sshOnce}` and answer yes, {pin}",
            KnownHostStatus.Changed =>
                $"host key refused: the host key of {name} HAS CHANGED: the server offers the {offered}, but {where} holds another {type} key. "
                + "Someone may be intercepting the connection (man-in-the-middle), or the cluster's key was replaced. "
                + $"If the change is expected (check with the cluster's administrator), remove the old key with `ssh-keygen -R '{name}' -f {check.Source}`"
                + $" and connect once with `{sshOnce}`, {pin}",
            KnownHostStatus.OtherTypesKnown =>
                $"host key refused: the server offers the {offered}, but {where} knows {name} only by keys of other types. "
                + $"To accept this key, check it with the cluster's administrator and connect once with `{sshOnce}`, {pin}",
            KnownHostStatus.Revoked =>
                $"host key refused: the server offers the {offered}, which {where} marks @revoked. Ask the cluster's administrator for its current key",
            _ => $"host key refused: unexpected known_hosts status {check.Status}",
        };
    }

    private string SshCommandLine()
    {
        var parts = new List<string> { "ssh" };
        if (_settings.Port != 22)
            parts.Add($"-p {_settings.Port}");
        if (_customKnownHosts)
            parts.Add($"-o UserKnownHostsFile={ShellQuote.Quote(_settings.HostKey.KnownHostsPath!)}");
        parts.Add($"{_settings.User}@{_settings.Host}");
        return string.Join(' ', parts);
    }
}
