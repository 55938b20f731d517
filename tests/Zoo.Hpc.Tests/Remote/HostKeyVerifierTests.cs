using System.Security.Cryptography;
using Renci.SshNet;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Remote;

public class HostKeyVerifierTests
{
    private static readonly byte[] Key = TestKeys.Ed25519();
    private static readonly string Fingerprint = Convert.ToBase64String(SHA256.HashData(Key)).TrimEnd('=');

    private static SshSettings Settings(HostKeyVerification hostKey, int port = 2222) =>
        new("127.0.0.1", port, "hpcuser", new PasswordCredentials("x"), hostKey, TimeSpan.FromSeconds(5));

    private static string KnownHostsLine(byte[] key, string host = "[127.0.0.1]:2222") =>
        $"{host} {KnownHosts.KeyTypeOf(key)} {Convert.ToBase64String(key)}\n";

    [Test]
    public void A_known_key_is_trusted()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts", KnownHostsLine(Key));

        Assert.That(HostKeyVerifier.Create(Settings(new HostKeyVerification(file, null))).Check(Key), Is.Null);
    }

    [Test]
    public void An_unknown_key_is_refused_with_how_to_accept_it()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts", "");

        var refusal = HostKeyVerifier.Create(Settings(new HostKeyVerification(file, null))).Check(Key);

        Assert.That(refusal, Does.Contain("[127.0.0.1]:2222 is not in the known hosts (" + file + ")"));
        Assert.That(refusal, Does.Contain($"`ssh -p 2222 -o UserKnownHostsFile='{file}' hpcuser@127.0.0.1`"));
        Assert.That(refusal, Does.Contain($"ssh_host_key_fingerprint=SHA256:{Fingerprint}"));
    }

    [Test]
    public void On_port_22_the_advice_has_no_port()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts", "");

        var refusal = HostKeyVerifier.Create(Settings(new HostKeyVerification(file, null), port: 22)).Check(Key);

        Assert.That(refusal, Does.Contain($"`ssh -o UserKnownHostsFile='{file}' hpcuser@127.0.0.1`"));
    }

    [Test]
    public void A_changed_key_is_refused_with_a_warning_and_how_to_replace_it()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts", KnownHostsLine(TestKeys.Ed25519()));

        var refusal = HostKeyVerifier.Create(Settings(new HostKeyVerification(file, null))).Check(Key);

        Assert.That(refusal, Does.Contain("HAS CHANGED").And.Contain("man-in-the-middle").And.Contain($"{file} line 1"));
        Assert.That(refusal, Does.Contain($"ssh-keygen -R '[127.0.0.1]:2222' -f {file}"));
    }

    [Test]
    public void A_pinned_fingerprint_is_the_whole_check()
    {
        var verifier = HostKeyVerifier.Create(Settings(new HostKeyVerification("/nonexistent/known_hosts", Fingerprint)));

        Assert.That(verifier.Check(Key), Is.Null);
        Assert.That(verifier.Check(TestKeys.Ed25519()), Does.Contain($"not the pinned ssh_host_key_fingerprint=SHA256:{Fingerprint}"));
    }

    [Test]
    public void The_host_key_algorithms_are_limited_to_the_known_key_types()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts", KnownHostsLine(TestKeys.Rsa()));
        var info = new ConnectionInfo("127.0.0.1", 2222, "hpcuser", new PasswordAuthenticationMethod("hpcuser", "x"));
        Assert.That(info.HostKeyAlgorithms.Keys, Does.Contain("ssh-ed25519"));

        HostKeyVerifier.Create(Settings(new HostKeyVerification(file, null))).RestrictAlgorithms(info);

        Assert.That(info.HostKeyAlgorithms.Keys, Is.SubsetOf(new[] { "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa" }).And.Not.Empty);
    }

    [Test]
    public void An_unknown_host_keeps_every_algorithm()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts", "");
        var info = new ConnectionInfo("127.0.0.1", 2222, "hpcuser", new PasswordAuthenticationMethod("hpcuser", "x"));
        var before = info.HostKeyAlgorithms.Keys.ToList();

        HostKeyVerifier.Create(Settings(new HostKeyVerification(file, null))).RestrictAlgorithms(info);

        Assert.That(info.HostKeyAlgorithms.Keys, Is.EqualTo(before));
    }
}
