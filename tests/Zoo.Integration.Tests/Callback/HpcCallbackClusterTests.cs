using System.Globalization;
using Zoo.Integration.Tests.Hpc;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Callback;

/// <summary>
/// An hpc.BandMath job on the real test cluster tells a callback service on 127.0.0.1 about every step, in order,
/// and its finalize step bills billing_nb_cpu × the seconds sacct says the Slurm job ran.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcCallbackClusterTests
{
    private const string BillingNbCpu = "3";

    private readonly CallbackServer _server = new();
    private BandMathJobs _jobs = null!;
    private string _jobId = null!;
    private IReadOnlyList<ReceivedCallback> _calls = null!;

    [OneTimeSetUp]
    public void RunOneJob()
    {
        _jobs = new BandMathJobs(ClusterEnvironment.Require());
        _jobs.Services.SetConfig("callback", "url", _server.Url);
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");
        _jobs.Configure("billing_nb_cpu", BillingNbCpu);
        // A job that runs for a few seconds, so that its bill is not zero.
        _jobs.Services.Write("billing_body.sh", File.ReadAllText(Path.Combine(_jobs.Services.Path, "jobscript_body.sh")) + "sleep 2\n");
        _jobs.Configure("jobscript_body", "billing_body.sh");
        _jobId = _jobs.Submit("im1b1*2");
        var final = _jobs.WaitUntilFinal(_jobId);
        Assert.That(final.Status, Is.EqualTo("Succeeded"), final.Message);
        _calls = _server.WaitFor(_jobId, "6_0", BandMathJobs.SlurmDeadline);
    }

    [OneTimeTearDown]
    public void RemoveCopy()
    {
        _jobs.Dispose();
        _server.Dispose();
    }

    [Test]
    public void Every_step_of_an_hpc_job_is_told_in_order()
    {
        Assert.That(_calls.Select(c => c.Step),
            Is.EqualTo(new[] { "0_0", "1_0", "1_1", "2_0", "2_1", "3_0", "3_1", "4_0", "4_1", "5_0", "5_1", "6_0" }));
    }

    [Test]
    public void The_uploading_step_names_each_input_with_its_local_file_and_where_it_went()
    {
        var il = _calls.Single(c => c.Step == "2_1").Body["inputs"]!["il"]!;

        var local = (string?)il["local_path"];

        Assert.That((string?)il["target_path"], Does.EndWith("/" + Path.GetFileName(local)));
    }

    [Test]
    public void The_submission_step_carries_the_remote_script()
    {
        Assert.That(_calls.Single(c => c.Step == "4_1")["script"], Does.EndWith(".sh").And.Contain(_jobId));
    }

    [Test]
    public void Finalize_bills_billing_nb_cpu_times_the_seconds_sacct_counted()
    {
        var slurmJobId = _jobs.SlurmJobId(_jobId);
        var expected = (3 * _jobs.Slurm.ElapsedSeconds(slurmJobId)).ToString(CultureInfo.InvariantCulture);

        Assert.That(_calls.Single(c => c.Step == "6_0")["hpc_billing"], Is.EqualTo(expected));
    }

    [Test]
    public void Finalize_reports_the_configurations_cpus_not_one()
    {
        Assert.That(_calls.Single(c => c.Step == "6_0")["hpc_cpu_usage"], Is.EqualTo(BillingNbCpu));
    }

    [Test]
    public void Finalize_names_the_slurm_job_and_its_state()
    {
        var finalize = _calls.Single(c => c.Step == "6_0");

        Assert.That((finalize["hpc_job_identifier"], finalize["hpc_status"], finalize["wps_status"]),
            Is.EqualTo((_jobs.SlurmJobId(_jobId), "COMPLETED", "succeeded")));
    }

    [Test]
    public void The_jobs_henv_keeps_its_billing()
    {
        var henv = File.ReadAllText(Path.Combine(_jobs.Services.TmpPath, "exec_status_" + _jobId));

        Assert.That(henv, Does.Contain("hpc_billing = " + _calls.Single(c => c.Step == "6_0")["hpc_billing"]));
    }
}
