using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Remote;

public class KnownHostsTests
{
    private static readonly byte[] Ed25519 = TestKeys.Ed25519();
    private static readonly byte[] OtherEd25519 = TestKeys.Ed25519();
    private static readonly byte[] Rsa = TestKeys.Rsa();

    private static string Line(string hosts, byte[] key, string? marker = null) =>
        (marker is null ? "" : marker + " ") + $"{hosts} {KnownHosts.KeyTypeOf(key)} {Convert.ToBase64String(key)} comment";

    [TestCase("127.0.0.1", 22, "127.0.0.1")]
    [TestCase("127.0.0.1", 2222, "[127.0.0.1]:2222")]
    [TestCase("Cluster.Example.ORG", 22, "cluster.example.org")]
    public void A_host_is_named_as_ssh_names_it(string host, int port, string expected)
    {
        Assert.That(KnownHosts.HostName(host, port), Is.EqualTo(expected));
    }

    [Test]
    public void A_plain_line_on_port_22_matches_only_port_22()
    {
        var hosts = KnownHosts.Parse(Line("cluster.example.org", Ed25519), "kh");

        Assert.That(hosts.Check("cluster.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("CLUSTER.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("cluster.example.org", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
        Assert.That(hosts.Check("other.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
    }

    [Test]
    public void A_bracketed_line_matches_its_port_only()
    {
        var hosts = KnownHosts.Parse(Line("[127.0.0.1]:2222", Ed25519), "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519), Is.EqualTo(new KnownHostsCheck(KnownHostStatus.Known, "kh", 1)));
        Assert.That(hosts.Check("127.0.0.1", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
        Assert.That(hosts.Check("127.0.0.1", 2223, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
    }

    [Test]
    public void A_hashed_line_matches_the_name_it_hashes()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[127.0.0.1]:2222"));
        var field = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
        var hosts = KnownHosts.Parse(Line(field, Ed25519), "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("127.0.0.1", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
        Assert.That(hosts.Check("127.0.0.2", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
    }

    [Test]
    public void Lines_hashed_by_ssh_keygen_are_matched()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("known_hosts",
            Line("[127.0.0.1]:2222", Ed25519) + "\n" + Line("cluster.example.org,10.0.0.5", Rsa) + "\n");
        RunSshKeygen("-H", "-f", file);
        var text = File.ReadAllText(file);
        Assert.That(text, Does.StartWith("|1|").And.Not.Contain("127.0.0.1"), "ssh-keygen -H hashed every name");

        var hosts = KnownHosts.Load([file]);

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("cluster.example.org", 22, Rsa).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("10.0.0.5", 22, Rsa).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("127.0.0.1", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
    }

    [Test]
    public void A_host_with_several_keys_is_known_by_each()
    {
        var hosts = KnownHosts.Parse(
            Line("[127.0.0.1]:2222", Ed25519) + "\n" + Line("[127.0.0.1]:2222", Rsa) + "\n", "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("127.0.0.1", 2222, Rsa), Is.EqualTo(new KnownHostsCheck(KnownHostStatus.Known, "kh", 2)));
        Assert.That(hosts.KeyTypesFor("127.0.0.1", 2222), Is.EqualTo(new[] { "ssh-ed25519", "ssh-rsa" }));
        Assert.That(hosts.KeyTypesFor("127.0.0.1", 22), Is.Empty);
    }

    [Test]
    public void Another_key_of_the_same_type_is_a_changed_key()
    {
        var hosts = KnownHosts.Parse("# cluster\n\n" + Line("[127.0.0.1]:2222", Ed25519), "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, OtherEd25519), Is.EqualTo(new KnownHostsCheck(KnownHostStatus.Changed, "kh", 3)));
    }

    [Test]
    public void A_key_of_a_type_the_host_is_not_known_by_is_reported_as_such()
    {
        var hosts = KnownHosts.Parse(Line("[127.0.0.1]:2222", Rsa), "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.OtherTypesKnown));
    }

    [Test]
    public void Comma_lists_wildcards_and_negation_match_as_in_ssh()
    {
        var hosts = KnownHosts.Parse(Line("node?.example.org,*.hpc.example.org,!login.hpc.example.org,[10.0.0.*]:2222", Ed25519), "kh");

        Assert.That(hosts.Check("node1.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("node12.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
        Assert.That(hosts.Check("gpu.hpc.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("login.hpc.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
        Assert.That(hosts.Check("10.0.0.7", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.Known));
        Assert.That(hosts.Check("10.0.0.7", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
    }

    [Test]
    public void A_revoked_key_is_refused_even_when_another_line_knows_it()
    {
        var hosts = KnownHosts.Parse(Line("[127.0.0.1]:2222", Ed25519) + "\n" + Line("*", Ed25519, "@revoked"), "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519), Is.EqualTo(new KnownHostsCheck(KnownHostStatus.Revoked, "kh", 2)));
        Assert.That(hosts.Check("127.0.0.1", 2222, Rsa).Status, Is.EqualTo(KnownHostStatus.OtherTypesKnown));
    }

    [Test]
    public void A_cert_authority_line_does_not_make_a_host_known()
    {
        var hosts = KnownHosts.Parse(Line("*.example.org", Ed25519, "@cert-authority"), "kh");

        Assert.That(hosts.Check("cluster.example.org", 22, Ed25519).Status, Is.EqualTo(KnownHostStatus.Unknown));
        Assert.That(hosts.KeyTypesFor("cluster.example.org", 22), Is.Empty);
    }

    [Test]
    public void Malformed_and_unknown_marker_lines_are_skipped()
    {
        var text = string.Join("\n",
            "@unknown-marker " + Line("[127.0.0.1]:2222", Ed25519),
            "[127.0.0.1]:2222 ssh-ed25519",
            "[127.0.0.1]:2222 ssh-ed25519 not-base64!!",
            $"[127.0.0.1]:2222 ssh-rsa {Convert.ToBase64String(Ed25519)}", // the blob says ed25519
            "garbage",
            "\r",
            Line("[127.0.0.1]:2222", Rsa) + "\r");
        var hosts = KnownHosts.Parse(text, "kh");

        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519).Status, Is.EqualTo(KnownHostStatus.OtherTypesKnown));
        Assert.That(hosts.Check("127.0.0.1", 2222, Rsa), Is.EqualTo(new KnownHostsCheck(KnownHostStatus.Known, "kh", 7)));
    }

    [Test]
    public void Load_skips_missing_files_and_reports_all_sources()
    {
        using var directory = new TempDirectory();
        var present = directory.Write("known_hosts", Line("[127.0.0.1]:2222", Ed25519) + "\n");
        var missing = directory.PathOf("absent");

        var hosts = KnownHosts.Load([missing, present]);

        Assert.That(hosts.Sources, Is.EqualTo(new[] { missing, present }));
        Assert.That(hosts.Check("127.0.0.1", 2222, Ed25519), Is.EqualTo(new KnownHostsCheck(KnownHostStatus.Known, present, 1)));
    }

    [TestCase("*", "anything", true)]
    [TestCase("a*c", "abbbc", true)]
    [TestCase("a*c", "abbbd", false)]
    [TestCase("?", "", false)]
    [TestCase("a?c", "abc", true)]
    [TestCase("*.org", ".org", true)]
    [TestCase("[h]:22*", "[h]:2222", true)]
    public void Glob_is_ssh_match_pattern(string pattern, string text, bool expected)
    {
        Assert.That(KnownHosts.Glob(pattern, text), Is.EqualTo(expected));
    }

    private static void RunSshKeygen(params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("ssh-keygen (openssh-client) is not installed");
            return;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.That(process.WaitForExit(20_000), Is.True, "ssh-keygen finished");
            Assert.That(process.ExitCode, Is.Zero, stderr.Result);
        }
    }
}
