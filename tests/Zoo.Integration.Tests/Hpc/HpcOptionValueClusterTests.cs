using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// A literal value that Orfeo ToolBox's launcher would read as an option (<c>-inxml</c> loads every parameter from a
/// file, <c>-outxml</c> writes one) fails the job as the client's error before anything reaches the cluster; the same
/// expression written so that it does not start with '-' runs.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcOptionValueClusterTests
{
    private const string Hint = "give a number, a path such as ./-name, or wrap an expression in parentheses, e.g. (-im1b1).";

    [Test]
    public void An_expression_that_is_an_application_option_fails_the_job_as_an_invalid_value_and_submits_nothing()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "-inxml"));

        var (status, result) = job.WaitUntilFinal();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Failed"));
            Assert.That((OwsReport.Code(result), OwsReport.Locator(result)), Is.EqualTo(("InvalidParameterValue", "exp")));
            Assert.That(OwsReport.Text(result), Is.EqualTo(
                "The value \"-inxml\" of the exp input starts with '-' and would be read by the application as an option; " + Hint));
            AssertNothingSubmitted(services, job);
        });
    }

    [Test]
    public void An_expression_asking_the_application_to_write_its_parameters_writes_nothing_and_submits_nothing()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        // The job would run on this machine, so a parameter file the application wrote would be here.
        var parameters = $"/tmp/zoo-otb-{Guid.NewGuid():N}.xml";
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service,
            BandMath.AsyncExecute(image, "-outxml " + parameters));

        var (status, result) = job.WaitUntilFinal();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Failed"));
            Assert.That(OwsReport.Text(result), Does.StartWith($"The value \"-outxml {parameters}\" of the exp input starts with '-'"));
            Assert.That(File.Exists(parameters), Is.False, "the application wrote its parameters where the client asked");
            AssertNothingSubmitted(services, job);
        });
    }

    [Test]
    public void An_expression_starting_with_a_negative_factor_is_refused_with_the_hint_to_wrap_it_in_parentheses()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var image = http.Serve("/input.tif", "image/tiff", BandMath.GeoTiff(services.TmpPath, 16, 16));
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, BandMath.AsyncExecute(image, "-1*im1b1"));

        var (status, result) = job.WaitUntilFinal();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Failed"));
            Assert.That(OwsReport.Text(result), Is.EqualTo(
                "The value \"-1*im1b1\" of the exp input starts with '-' and would be read by the application as an option; " + Hint));
            AssertNothingSubmitted(services, job);
        });
    }

    [Test]
    public void The_negative_factor_wrapped_in_parentheses_runs_on_slurm_and_gives_the_local_result()
    {
        const string expression = "(-1*im1b1)";
        using var jobs = new BandMathJobs(ClusterEnvironment.Require());
        jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");

        var jobId = jobs.Submit(expression);

        var final = jobs.WaitUntilFinal(jobId);
        Assert.That(final.Status, Is.EqualTo("Succeeded"), final.Message);
        Assert.That(BandMath.Checksum(jobs.ResultFile(jobId)), Is.EqualTo(BandMath.Checksum(jobs.RunLocally(expression))));
    }

    private static void AssertNothingSubmitted(ServiceDirectory services, HpcJob job)
    {
        Assert.That(job.SlurmJobs(), Is.Empty, "sacct knows a job of this name");
        Assert.That(File.Exists(job.RemoteScriptPath), Is.False, "a job script was uploaded");
        Assert.That(File.Exists(Path.Combine(services.TmpPath, "exec_out_" + job.Usid)), Is.False, "sbatch returned a job id");
        Assert.That(File.ReadAllText(Path.Combine(services.TmpPath, job.Usid + "_lenv.cfg")), Does.Not.Contain("sbatch_id="));
    }
}
