namespace Zoo.Hpc.Settings;

/// <summary>
/// How the cluster's host key is checked (ZOO checks nothing). Our keys, absent from ZOO's configs:
/// <c>ssh_known_hosts</c>, an OpenSSH known_hosts file (default: the CGI user's own, found by the
/// connection from the passwd database); <c>ssh_host_key_fingerprint</c>, a key pinned as
/// <c>ssh-keygen -l</c> prints it (<c>SHA256:&lt;base64&gt;</c>). A pinned fingerprint, when set,
/// is the whole check: an operator who pins a key means that key and no other.
/// </summary>
public sealed record HostKeyVerification(string? KnownHostsPath, string? Sha256Fingerprint)
{
    public const string Sha256Prefix = "SHA256:";

    /// <summary>The base64 text of a SHA-256 fingerprint as OpenSSH prints it (no padding), or null when malformed.</summary>
    public static string? NormalizeFingerprint(string text)
    {
        if (!text.StartsWith(Sha256Prefix, StringComparison.Ordinal))
            return null;
        var body = text[Sha256Prefix.Length..].TrimEnd('=');
        var padded = body + new string('=', (4 - body.Length % 4) % 4);
        Span<byte> hash = stackalloc byte[48];
        return Convert.TryFromBase64String(padded, hash, out var length) && length == 32 ? body : null;
    }
}
