using Zoo.Core.Jobs;

namespace Zoo.Core.Tests.Jobs;

public class ProcessStatTests
{
    // Fields 3 to 22 as the kernel writes them, then the rest of a real line: state S, ppid 1, pgrp 4240,
    // session 4239, ..., starttime 987654 (field 22).
    private const string AfterName =
        " S 1 4240 4239 0 -1 4194304 1043 0 0 0 12 3 0 0 20 0 1 0 987654 25985024 2389 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 3 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    [Test]
    public void The_state_group_session_and_start_time_are_read()
    {
        Assert.That(ProcessStat.Parse("4242 (python3)" + AfterName), Is.EqualTo(new ProcessStat('S', 4240, 4239, 987654)));
    }

    [Test]
    public void A_command_name_with_spaces_and_parentheses_is_skipped_whole()
    {
        Assert.That(ProcessStat.Parse("4242 (x) S 1 2 3 (y) z)" + AfterName), Is.EqualTo(new ProcessStat('S', 4240, 4239, 987654)));
    }

    [Test]
    public void A_command_name_that_looks_like_fields_is_skipped_whole()
    {
        Assert.That(ProcessStat.Parse("4242 (a) R 7 7 7 0 -1)" + AfterName)!.Group, Is.EqualTo(4240));
    }

    [Test]
    public void A_zombie_is_a_zombie()
    {
        Assert.That(ProcessStat.Parse("4242 (python3)" + AfterName.Replace(" S ", " Z "))!.IsZombie, Is.True);
    }

    [Test]
    public void A_dead_process_is_a_zombie()
    {
        Assert.That(ProcessStat.Parse("4242 (python3)" + AfterName.Replace(" S ", " X "))!.IsZombie, Is.True);
    }

    [Test]
    public void A_sleeping_process_is_not_a_zombie()
    {
        Assert.That(ProcessStat.Parse("4242 (python3)" + AfterName)!.IsZombie, Is.False);
    }

    [Test]
    public void A_line_without_a_command_name_is_not_read()
    {
        Assert.That(ProcessStat.Parse("4242 python3" + AfterName), Is.Null);
    }

    [Test]
    public void A_line_cut_before_the_start_time_is_not_read()
    {
        Assert.That(ProcessStat.Parse("4242 (python3) S 1 4240 4239 0 -1 4194304 1043 0 0 0 12 3 0 0 20 0 1 0"), Is.Null);
    }

    [Test]
    public void A_line_with_a_group_that_is_not_a_number_is_not_read()
    {
        Assert.That(ProcessStat.Parse("4242 (python3)" + AfterName.Replace(" 4240 ", " x ")), Is.Null);
    }

    [Test]
    public void A_state_of_more_than_one_letter_is_not_read()
    {
        Assert.That(ProcessStat.Parse("4242 (python3)" + AfterName.Replace(" S ", " SS ")), Is.Null);
    }

    [Test]
    public void An_empty_text_is_not_read()
    {
        Assert.That(ProcessStat.Parse(""), Is.Null);
    }

    [Test]
    public void The_test_process_has_a_stat()
    {
        Assert.That(ProcessStat.Read(Environment.ProcessId)?.IsZombie, Is.False);
    }

    [Test]
    public void A_pid_that_no_process_has_has_no_stat()
    {
        Assert.That(ProcessStat.Read(int.MaxValue), Is.Null);
    }
}
