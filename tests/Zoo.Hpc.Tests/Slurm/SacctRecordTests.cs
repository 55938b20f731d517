using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Slurm;

public class SacctRecordTests
{
    private static SacctRecord Record(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToArray());

    [Test]
    public void Fields_are_found_whatever_the_case_of_their_name()
    {
        var record = Record(("jobid", "7"), ("STATE", "RUNNING"));

        Assert.That((record["JobID"], record.JobId, record.State), Is.EqualTo(("7", "7", "RUNNING")));
    }

    [Test]
    public void A_field_not_asked_for_is_null()
    {
        Assert.That(Record(("JobID", "7"))["Partition"], Is.Null);
    }

    [Test]
    public void Without_exit_code_or_work_dir_they_are_unknown()
    {
        var record = Record(("JobID", "7"), ("State", "COMPLETED"), ("ExitCode", ""));

        Assert.That((record.ExitCode, record.WorkDir), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void A_completed_job_with_a_signal_did_not_succeed()
    {
        var record = Record(("JobID", "7"), ("State", "COMPLETED"), ("ExitCode", "0:9"));

        Assert.That(record.Succeeded, Is.False);
    }

    [Test]
    public void A_completed_job_without_exit_code_did_not_succeed()
    {
        var record = Record(("JobID", "7"), ("State", "COMPLETED"));

        Assert.That(record.Succeeded, Is.False);
    }
}
