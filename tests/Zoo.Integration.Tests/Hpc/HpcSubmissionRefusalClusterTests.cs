using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// What stops a job before anything reaches the cluster ends it Failed with a message an operator can act on, and
/// submits nothing.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcSubmissionRefusalClusterTests
{
    private static readonly string[] Configurations = ["hpc-config-preview", "hpc-config-fullres"];

    [Test]
    public void An_unknown_host_key_fails_the_job_before_submitting_and_says_how_to_accept_it()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        var knownHosts = Path.Combine(services.Path, "empty_known_hosts");
        File.WriteAllText(knownHosts, "");
        foreach (var section in Configurations)
            services.SetConfig(section, "ssh_known_hosts", knownHosts);
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "im1b1*2"));

        var (status, result) = job.WaitUntilFinal();

        var message = OwsReport.Text(result);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Failed"));
            Assert.That(message, Does.Contain($"host key refused: [127.0.0.1]:2222 is not in the known hosts ({knownHosts})"));
            Assert.That(message, Does.Contain($"`ssh -p 2222 -o UserKnownHostsFile='{knownHosts}' hpcuser@127.0.0.1` and answer yes"));
            Assert.That(cluster.HostKeyFingerprints.Any(f => message.Contains($"ssh_host_key_fingerprint=SHA256:{f}", StringComparison.Ordinal)),
                Is.True, "the message does not give the server's key to pin: " + message);
            AssertNothingSubmitted(job);
        });
    }

    [Test]
    public void A_missing_required_key_fails_the_job_naming_the_section_and_the_key()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.RemoveConfig("hpc-config-preview", "remote_data_path");
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "im1b1*2"));

        var (status, result) = job.WaitUntilFinal();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Failed"));
            Assert.That(OwsReport.Text(result), Does.Contain("[hpc-config-preview] remote_data_path is missing"));
            AssertNothingSubmitted(job);
        });
    }

    private static void AssertNothingSubmitted(HpcJob job)
    {
        Assert.That(job.SlurmJobs(), Is.Empty, "sacct knows a job of this name");
        Assert.That(File.Exists(job.RemoteScriptPath), Is.False, "a job script was uploaded");
    }
}
