using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>Whether a job's worker runs on this front-end, as its lenv records it.</summary>
[TestFixture]
public sealed class WorkerHostTests
{
    [Test]
    public void A_job_recorded_with_this_host_has_its_worker_here() =>
        Assert.That(WorkerHost.IsHere(Environment.MachineName), Is.True);

    [Test]
    public void A_job_recorded_with_another_host_has_its_worker_elsewhere() =>
        Assert.That(WorkerHost.IsHere("another-front-end.example.org"), Is.False);

    [Test]
    public void A_job_that_records_no_host_is_taken_for_one_of_this_host() =>
        Assert.That(WorkerHost.IsHere(null), Is.True);
}
