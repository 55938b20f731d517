using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// A literal input reaches the application on the cluster as one argument, exactly as sent: shell syntax in it runs
/// nothing (ZOO pastes it between double quotes, so this very value runs a command there).
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcLiteralQuotingClusterTests
{
    [Test]
    public void A_literal_with_shell_syntax_reaches_the_application_as_one_argument_and_runs_nothing()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        // The job runs on this machine, so a command smuggled through the value would leave this file here.
        var witness = $"/tmp/pwned-{Guid.NewGuid():N}";
        var expression = $"im1b1\"; touch {witness}; echo \"";
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, expression));

        var slurmId = job.WaitUntilSubmitted();
        var ended = job.WaitUntilEndedOnSlurm();

        // BandMath cannot parse the value and prints it whole: the formula it received is the value sent.
        var log = File.ReadAllText(Path.Combine(new RemoteDirectories(services).Work, $"slurm-{slurmId}.out"));
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(witness), Is.False, $"the value ran a command on the cluster (job {ended})");
            Assert.That(log, Does.Contain("Formula:").And.Contain(expression), log);
        });
    }
}
