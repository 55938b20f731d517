using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// An asynchronous Execute of hpc.BandMath through the published CGI reaches the real test cluster: the job is
/// submitted with sbatch, runs otbcli_BandMath on Slurm, and its output appears in remote_data_path.
/// (HpcCompletionClusterTests follow jobs to their WPS end: here the cluster side is checked.)
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcSubmissionClusterTests
{
    [Test]
    public void An_async_BandMath_execute_runs_on_slurm_and_writes_its_output_in_remote_data_path()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "im1b1*2"));

        job.WaitUntilSubmitted();

        Assert.That(job.WaitUntilEndedOnSlurm(), Does.EndWith("|COMPLETED"));
        var output = Path.Combine(new RemoteDirectories(services).Data, $"output_BandMath_out_{job.Usid}.tiff");
        Poll.Until(() => File.Exists(output), TimeSpan.FromSeconds(10), $"{output} to exist");
        Assert.That(new FileInfo(output).Length, Is.GreaterThan(0));
    }
}
