using Zoo.Integration.Tests.Support;
using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.CheckConfig;

/// <summary>
/// The host key checks of --check-config against the test cluster's real sshd, logging in with its real key: a host
/// absent from the configured known_hosts, and a host known by another key (a changed key), each reported at
/// ssh_known_hosts with the kernel's own message, and the install said not to work.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class ClusterHostKeyTests
{
    private static CheckConfigRun CheckWithKnownHosts(CheckedCopy copy, ClusterEnvironment cluster, string knownHosts)
    {
        copy.Services.Write("ssh/known_hosts", knownHosts);
        foreach (var section in CheckedCopy.HpcSections)
            copy.Services.SetConfig(section, "ssh_key", cluster.Key);
        return copy.Check("--json");
    }

    private static int KnownHostsLine(CheckedCopy copy) =>
        copy.LineOf("main.cfg", "ssh_known_hosts=", "[hpc-config-preview]");

    [Test]
    public void A_host_absent_from_known_hosts_is_an_error_at_ssh_known_hosts()
    {
        var cluster = ClusterEnvironment.Require();
        using var copy = CheckedCopy.Create();

        var run = CheckWithKnownHosts(copy, cluster, "");

        var finding = run.Findings.Single(f => f.Section == "hpc-config-preview" && f.Key == "ssh_known_hosts");
        Assert.That((finding.Line, finding.Severity), Is.EqualTo(((int?)KnownHostsLine(copy), "error")), run.StandardOutput);
        Assert.That(finding.Message, Does.Contain("is not in the known hosts"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_host_known_by_another_key_is_an_error_saying_the_key_changed()
    {
        var cluster = ClusterEnvironment.Require();
        using var copy = CheckedCopy.Create();
        var other = Path.Combine(copy.Root, "ssh", "other_host_key");
        ExternalTool.Check("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", other], "openssh-client");
        var otherKey = File.ReadAllText(other + ".pub").Split(' ');
        var host = $"[{cluster.Host}]:{cluster.Port}";

        var run = CheckWithKnownHosts(copy, cluster, $"{host} {otherKey[0]} {otherKey[1]}\n");

        var finding = run.Findings.Single(f => f.Section == "hpc-config-preview" && f.Key == "ssh_known_hosts");
        Assert.That((finding.Line, finding.Severity), Is.EqualTo(((int?)KnownHostsLine(copy), "error")), run.StandardOutput);
        Assert.That(finding.Message, Does.Contain("HAS CHANGED"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }
}
