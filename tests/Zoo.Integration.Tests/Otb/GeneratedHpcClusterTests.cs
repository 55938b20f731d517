using Zoo.Integration.Tests.Hpc;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Otb;

/// <summary>
/// BandMath's zcfg as <c>zoo_loader.cgi --otb2zcfg --hpc HPC</c> writes it, served as it is, runs on the real test
/// cluster and gives what the application gives on this machine: the generated files are HPC services as they are.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class GeneratedHpcClusterTests
{
    private const string Expression = "im1b1*3";

    private BandMathJobs _jobs = null!;

    [SetUp]
    public void GenerateIntoACopyOfDist()
    {
        _jobs = new BandMathJobs(ClusterEnvironment.Require());
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");
        var generated = Otb2ZcfgRun.Generate(["--hpc", "HPC", "--out", Path.Combine(_jobs.Services.Path, "generated"), "BandMath"]);
        Assert.That(generated.ExitCode, Is.Zero, generated.StandardError);
    }

    [TearDown]
    public void RemoveCopy() => _jobs.Dispose();

    [Test]
    public void A_generated_hpc_zcfg_runs_on_the_cluster_and_gives_the_local_result()
    {
        var jobId = _jobs.Submit(Expression, "generated.BandMath");

        var final = _jobs.WaitUntilFinal(jobId);
        Assert.That(final.Status, Is.EqualTo("Succeeded"), final.Message);
        Assert.That(BandMath.Checksum(_jobs.ResultFile(jobId)), Is.EqualTo(BandMath.Checksum(_jobs.RunLocally(Expression))));
    }
}
