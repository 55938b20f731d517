using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Slurm;

/// <summary>SlurmElapsed: sacct's Elapsed in seconds.</summary>
public class SlurmElapsedTests
{
    [TestCase("00:00:03", 3L)]
    [TestCase("01:02:03", 3723L)]
    [TestCase("02:03", 123L)]
    [TestCase("1-00:00:01", 86401L)]
    [TestCase("12-01:00:00", 1040400L)]
    [TestCase("00:01.500", 1L)]
    public void Elapsed_reads_as_seconds(string elapsed, long seconds)
    {
        Assert.That(SlurmElapsed.Parse(elapsed), Is.EqualTo(seconds));
    }

    [TestCase("")]
    [TestCase("None")]
    [TestCase("1:2:3:4")]
    [TestCase("x-00:00:01")]
    [TestCase("-00:01")]
    public void What_is_not_an_elapsed_time_reads_as_nothing(string elapsed)
    {
        Assert.That(SlurmElapsed.Parse(elapsed), Is.Null);
    }

    [Test]
    public void ElapsedRaw_wins_when_the_row_has_it()
    {
        var record = new SacctRecord([new("Elapsed", "00:00:03"), new("ElapsedRaw", "4")]);

        Assert.That(SlurmElapsed.Seconds(record), Is.EqualTo(4));
    }
}
