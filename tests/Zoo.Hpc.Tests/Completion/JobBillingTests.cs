using Zoo.Hpc.Completion;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>JobBilling: what an ended Slurm job reports to the finalize step, and what it costs.</summary>
public class JobBillingTests
{
    private static readonly SacctRecord Ended = new(
    [
        new("JobID", "57"), new("JobName", "ZOO-Project_abc_BandMath"), new("User", "zoo"), new("Submit", "2026-12-05T10:00:00"),
        new("Start", "2026-12-05T10:00:01"), new("End", "2026-12-05T10:00:08"), new("Elapsed", "00:00:07"), new("State", "COMPLETED"),
        new("ExitCode", "0:0"),
    ]);

    [Test]
    public void The_accounting_goes_under_zoos_names()
    {
        var facts = JobBilling.Facts(Ended, "2").Take(6);

        Assert.That(facts, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("hpc_submission_date", "2026-12-05T10:00:00"), new("hpc_job_identifier", "57"), new("hpc_job_name", "ZOO-Project_abc_BandMath"),
            new("hpc_start_date", "2026-12-05T10:00:01"), new("hpc_end_date", "2026-12-05T10:00:08"), new("hpc_status", "COMPLETED"),
        }));
    }

    [Test]
    public void The_cpu_usage_is_the_configurations_billing_nb_cpu()
    {
        Assert.That(JobBilling.Facts(Ended, "2").Single(f => f.Key == "hpc_cpu_usage").Value, Is.EqualTo("2"));
    }

    [Test]
    public void The_billing_is_billing_nb_cpu_times_the_elapsed_seconds()
    {
        Assert.That(JobBilling.Facts(Ended, "2").Single(f => f.Key == "hpc_billing").Value, Is.EqualTo("14"));
    }

    [Test]
    public void A_fractional_billing_nb_cpu_bills_a_fraction()
    {
        Assert.That(JobBilling.Billing(Ended, "0.5"), Is.EqualTo("3.5"));
    }

    [TestCase("two")]
    [TestCase("")]
    public void Without_a_number_of_cpus_there_is_no_billing(string billingNbCpu)
    {
        Assert.That(JobBilling.Facts(Ended, billingNbCpu).Any(f => f.Key == "hpc_billing"), Is.False);
    }

    [Test]
    public void Without_an_elapsed_time_there_is_no_billing()
    {
        Assert.That(JobBilling.Billing(new SacctRecord([new("JobID", "1"), new("State", "COMPLETED")]), "1"), Is.Null);
    }
}
