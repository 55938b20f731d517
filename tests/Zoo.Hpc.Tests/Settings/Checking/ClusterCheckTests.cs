using Moq;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Tests.Settings.Checking;

/// <summary>The online part of the HPC check, against a stand-in cluster: what each failure is reported as, and where.</summary>
public class ClusterCheckTests
{
    private static void Refuse(HpcInstall install, ClusterFailure failure, string detail) =>
        install.Connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClusterConnectionException(failure, "cluster.example.org", 2222, "zoo", detail));

    private static IReadOnlyList<string> LinesRefused(HpcInstall install, ClusterFailure failure, string detail)
    {
        Refuse(install, failure, detail);
        return install.Lines(offline: false);
    }

    [Test]
    public void A_reachable_cluster_with_sbatch_and_sacct_has_nothing_to_report()
    {
        using var install = new HpcInstall();

        Assert.That(install.Lines(offline: false), Is.Empty);
    }

    [Test]
    public void An_unreachable_host_is_an_error_at_ssh_host()
    {
        using var install = new HpcInstall();

        var lines = LinesRefused(install, ClusterFailure.Unreachable, "cannot connect: Connection refused");

        Assert.That(lines, Is.EqualTo(new[] { $"{install.MainCfg}:13: error: [hpc-config-1] ssh_host: SSH zoo@cluster.example.org:2222: cannot connect: Connection refused" }));
    }

    [Test]
    public void A_refused_host_key_is_an_error_at_the_known_hosts_key()
    {
        using var install = new HpcInstall();

        var lines = LinesRefused(install, ClusterFailure.HostKeyRefused, "host key refused: the host key of [cluster.example.org]:2222 HAS CHANGED");

        Assert.That(lines, Is.EqualTo(new[]
        {
            $"{install.MainCfg}:17: error: [hpc-config-1] ssh_known_hosts: SSH zoo@cluster.example.org:2222: host key refused: the host key of [cluster.example.org]:2222 HAS CHANGED",
        }));
    }

    [Test]
    public void A_refused_login_is_an_error_at_ssh_key()
    {
        using var install = new HpcInstall();

        var lines = LinesRefused(install, ClusterFailure.AuthenticationFailed, "the server refused the login");

        Assert.That(lines, Is.EqualTo(new[] { $"{install.MainCfg}:16: error: [hpc-config-1] ssh_key: SSH zoo@cluster.example.org:2222: the server refused the login" }));
    }

    [TestCase("sbatch", "no job can be submitted")]
    [TestCase("sacct", "FinalizeHPC and the waiting worker cannot learn how a job ended")]
    public void A_Slurm_command_the_cluster_user_does_not_have_is_an_error_at_ssh_user(string program, string consequence)
    {
        using var install = new HpcInstall();
        install.ExitStatusOf[$"command -v {program}"] = 1;

        var lines = install.Lines(offline: false);

        Assert.That(lines, Is.EqualTo(new[] { $"{install.MainCfg}:15: error: [hpc-config-1] ssh_user: {program} is not on the PATH of zoo@cluster.example.org:2222: {consequence}" }));
    }

    [Test]
    public void Two_sections_that_log_in_alike_reach_the_cluster_once()
    {
        using var install = new HpcInstall();
        var second = install.MainText[install.MainText.IndexOf("[hpc-config-1]", StringComparison.Ordinal)..].Replace("[hpc-config-1]", "[hpc-config-2]");
        install.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-2");
        install.MainText += "\n" + second;

        install.Check(offline: false);

        install.Connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Offline_the_cluster_is_not_reached()
    {
        using var install = new HpcInstall();

        install.Check(offline: true);

        install.Connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
