using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// The kernel measures the real input with GDAL and submits with [HPC] preview_conf or fullres_conf; the choice shows
/// in the uploaded sbatch script, since the sample configurations ask Slurm for 1 and 2 CPUs per task.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcConfigurationChoiceClusterTests
{
    [Test]
    public void A_raster_within_preview_max_pixels_is_submitted_with_the_preview_configuration()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var image = http.Serve("/small.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "im1b1*2"));

        job.WaitUntilSubmitted();

        var script = job.UploadedScript();
        Assert.That(script, Does.Contain("\n#SBATCH --cpus-per-task=1\n").And.Not.Contain("--cpus-per-task=2"), script);
    }

    [Test]
    public void A_raster_above_preview_max_pixels_is_submitted_with_the_fullres_configuration()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        // 16 × 16 = 256 pixels, one more than the preview configuration takes: no need for a large file.
        services.SetConfig("HPC", "preview_max_pixels", "255");
        using var http = new StaticHttpServer();
        var image = http.Serve("/large.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "im1b1*2"));

        job.WaitUntilSubmitted();

        var script = job.UploadedScript();
        Assert.That(script, Does.Contain("\n#SBATCH --cpus-per-task=2\n").And.Not.Contain("--cpus-per-task=1"), script);
    }
}
