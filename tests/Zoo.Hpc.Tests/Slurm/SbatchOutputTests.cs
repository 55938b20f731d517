using Zoo.Core.Wps;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Slurm;

public class SbatchOutputTests
{
    [TestCase("Submitted batch job 123456\n", "Submitted batch job ", "123456")]
    [TestCase("Submitted batch job 123456\n", "Submitted batch job", "123456")]
    [TestCase("Submitted batch job 7", "Submitted batch job", "7")]
    [TestCase("42\n", null, "42")]
    [TestCase("42;cluster1\n", null, "42")]
    [TestCase("42;cluster1\n", "Submitted batch job", "42")]
    [TestCase("\n  42  \n\n", null, "42")]
    public void The_job_id_is_what_remains_of_the_output(string stdout, string? substr, string expected)
    {
        Assert.That(SbatchOutput.TryParseJobId(stdout, substr), Is.EqualTo(expected));
    }

    [TestCase("", "Submitted batch job")]
    [TestCase("\n", null)]
    [TestCase("Submitted batch job 42\n", null)]
    [TestCase("Submitted job 42\n", "Submitted batch job")]
    [TestCase("42;\n", null)]
    [TestCase(";cluster\n", null)]
    [TestCase("-42\n", null)]
    public void Output_without_a_job_id_gives_none(string stdout, string? substr)
    {
        Assert.That(SbatchOutput.TryParseJobId(stdout, substr), Is.Null);
    }

    [Test]
    public void A_successful_submission_gives_its_job_id()
    {
        var id = SbatchOutput.JobId(0, "Submitted batch job 99\n", "", "Submitted batch job", "BandMath", "hpc-config-1");

        Assert.That(id, Is.EqualTo("99"));
    }

    [Test]
    public void A_failed_submission_reports_ZOO_message_with_sbatch_error()
    {
        var error = Assert.Throws<WpsException>(() => SbatchOutput.JobId(1, "",
            "sbatch: error: Batch job submission failed: Invalid partition name specified\n",
            "Submitted batch job", "BandMath", "hpc-config-1"))!;

        Assert.That(error.Errors[0].Code, Is.EqualTo("NoApplicableCode"));
        Assert.That(error.Message, Is.EqualTo(
            "Cannot execute the HPC ZOO-Service BandMath using hpc-config-1: sbatch: error: Batch job submission failed: Invalid partition name specified"));
    }

    [Test]
    public void A_failure_without_any_message_says_so_as_ZOO_does()
    {
        var error = Assert.Throws<WpsException>(() => SbatchOutput.JobId(0, "", "", null, "BandMath", "hpc-config-2"))!;

        Assert.That(error.Message, Is.EqualTo("Cannot execute the HPC ZOO-Service BandMath using hpc-config-2: No message provided"));
    }

    [Test]
    public void Output_that_is_not_a_job_id_is_a_failure_naming_what_sbatch_printed()
    {
        var error = Assert.Throws<WpsException>(() => SbatchOutput.JobId(0, "something else\n", "", "Submitted batch job", "BandMath", "c"))!;

        Assert.That(error.Message, Is.EqualTo("Cannot execute the HPC ZOO-Service BandMath using c: sbatch printed no job id: something else"));
    }

    [Test]
    public void A_non_zero_exit_status_fails_even_with_a_job_id_printed()
    {
        var error = Assert.Throws<WpsException>(() => SbatchOutput.JobId(2, "Submitted batch job 5\n", "", "Submitted batch job", "BandMath", "c"))!;

        Assert.That(error.Message, Is.EqualTo("Cannot execute the HPC ZOO-Service BandMath using c: sbatch exited with status 2"));
    }
}
