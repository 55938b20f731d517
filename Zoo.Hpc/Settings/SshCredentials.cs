namespace Zoo.Hpc.Settings;

/// <summary>
/// How to log in to the cluster. ZOO uses the password when <c>ssh_password</c> is set and the key
/// otherwise; the two cases are separate types so that no caller can get that rule wrong.
/// </summary>
public abstract record SshCredentials;

/// <summary><c>ssh_password</c>. ToString never shows the password: settings end up in logs.</summary>
public sealed record PasswordCredentials(string Password) : SshCredentials
{
    public override string ToString() => "PasswordCredentials { Password = *** }";
}

/// <summary>
/// <c>ssh_key</c>. ZOO names the public key and derives the private one by dropping <c>.pub</c>;
/// a path without <c>.pub</c> is taken as the private key itself (ZOO would chop four characters
/// off it and fail, so no working configuration reads differently).
/// </summary>
public sealed record KeyFileCredentials(string PrivateKeyPath, string? PublicKeyPath) : SshCredentials
{
    private const string PublicSuffix = ".pub";

    public static KeyFileCredentials FromSshKey(string sshKey) =>
        sshKey.EndsWith(PublicSuffix, StringComparison.Ordinal) && sshKey.Length > PublicSuffix.Length
            ? new KeyFileCredentials(sshKey[..^PublicSuffix.Length], sshKey)
            : new KeyFileCredentials(sshKey, null);
}
