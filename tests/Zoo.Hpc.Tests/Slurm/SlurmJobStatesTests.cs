using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Slurm;

public class SlurmJobStatesTests
{
    [TestCase("COMPLETED")]
    [TestCase("FAILED")]
    [TestCase("CANCELLED")]
    [TestCase("CANCELLED by 1001")]
    [TestCase("TIMEOUT")]
    [TestCase("OUT_OF_MEMORY")]
    [TestCase("NODE_FAIL")]
    [TestCase("PREEMPTED")]
    [TestCase("BOOT_FAIL")]
    [TestCase("DEADLINE")]
    public void A_job_in_an_end_state_is_over(string state)
    {
        Assert.That(SlurmJobStates.IsTerminal(state), Is.True);
    }

    [TestCase("PENDING")]
    [TestCase("RUNNING")]
    [TestCase("REQUEUED")]
    [TestCase("SUSPENDED")]
    [TestCase("COMPLETING")]
    [TestCase("CONFIGURING")]
    [TestCase("RESIZING")]
    [TestCase("STOPPED")]
    [TestCase("")]
    public void A_job_in_any_other_state_is_not_over(string state)
    {
        Assert.That(SlurmJobStates.IsTerminal(state), Is.False);
    }
}
