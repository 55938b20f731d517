using Zoo.Core.Jobs;

namespace Zoo.Core.Tests.Jobs;

public class ProcessIdentityTests
{
    [Test]
    public void The_pid_file_text_is_the_pid_and_the_start_time()
    {
        Assert.That(new ProcessIdentity(4242, 987654).ToString(), Is.EqualTo("4242 987654"));
    }

    [Test]
    public void The_pid_file_text_is_read_back()
    {
        Assert.That(ProcessIdentity.Parse("4242 987654"), Is.EqualTo(new ProcessIdentity(4242, 987654)));
    }

    [Test]
    public void An_identity_survives_a_round_trip()
    {
        var identity = new ProcessIdentity(2_147_483_000, 123_456_789_012);

        Assert.That(ProcessIdentity.Parse(identity.ToString()), Is.EqualTo(identity));
    }

    [Test]
    public void Extra_blanks_between_the_numbers_are_accepted()
    {
        Assert.That(ProcessIdentity.Parse("  4242   987654 "), Is.EqualTo(new ProcessIdentity(4242, 987654)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("4242")]
    [TestCase("4242 987654 1")]
    [TestCase("abc 987654")]
    [TestCase("4242 abc")]
    [TestCase("-4242 987654")]
    [TestCase("4242 -1")]
    [TestCase("0 987654")]
    [TestCase("1 987654")]
    [TestCase("99999999999 987654")]
    public void Anything_else_is_no_identity(string? text)
    {
        Assert.That(ProcessIdentity.Parse(text), Is.Null);
    }

    [Test]
    public void The_test_process_is_alive()
    {
        Assert.That(ProcessIdentity.Of(Environment.ProcessId)?.IsAlive, Is.True);
    }

    [Test]
    public void A_process_with_the_same_pid_but_another_start_time_is_not_the_one_recorded()
    {
        var now = ProcessIdentity.Of(Environment.ProcessId)!;

        Assert.That((now with { StartTime = now.StartTime + 1 }).IsAlive, Is.False);
    }

    [Test]
    public void A_pid_that_no_process_has_is_no_identity()
    {
        Assert.That(ProcessIdentity.Of(int.MaxValue), Is.Null);
    }
}
