using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>When a waiting worker asks sacct, before and after notices.</summary>
[TestFixture]
public sealed class FollowScheduleTests
{
    private static readonly DateTime Start = new(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(60);

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void Without_a_notice_sacct_is_asked_every_poll_interval()
    {
        var schedule = new FollowSchedule(Poll);

        Assert.That(new[] { schedule.Asked(Start), schedule.Asked(Start + Poll) }, Is.EqualTo(new[] { Poll, Poll }));
    }

    [Test]
    public void A_notice_has_sacct_asked_at_once()
    {
        Assert.That(new FollowSchedule(Poll).Noticed(Start), Is.True);
    }

    [Test]
    public void After_a_notice_sacct_is_asked_every_50_ms_five_times_then_100_200_400_then_every_500_ms()
    {
        var schedule = new FollowSchedule(Poll);
        schedule.Noticed(Start);

        var gaps = Enumerable.Range(0, 11).Select(i => schedule.Asked(Start + Ms(i))).ToList();

        Assert.That(gaps, Is.EqualTo(new[] { Ms(50), Ms(50), Ms(50), Ms(50), Ms(50), Ms(100), Ms(200), Ms(400), Ms(500), Ms(500), Ms(500) }));
    }

    [Test]
    public void The_gaps_after_a_notice_never_exceed_the_poll_interval()
    {
        var schedule = new FollowSchedule(Ms(150));
        schedule.Noticed(Start);

        var gaps = Enumerable.Range(0, 8).Select(i => schedule.Asked(Start + Ms(i))).ToList();

        Assert.That(gaps, Is.EqualTo(new[] { Ms(50), Ms(50), Ms(50), Ms(50), Ms(50), Ms(100), Ms(150), Ms(150) }));
    }

    [Test]
    public void A_notice_while_the_gaps_are_still_short_asks_nothing_more()
    {
        var schedule = new FollowSchedule(Poll);
        schedule.Noticed(Start);
        schedule.Asked(Start);

        Assert.That(schedule.Noticed(Start + Ms(10)), Is.False);
    }

    [Test]
    public void A_notice_once_the_gaps_have_widened_asks_at_once_and_starts_them_short_again()
    {
        var schedule = new FollowSchedule(Poll);
        schedule.Noticed(Start);
        for (var i = 0; i < FollowSchedule.Gaps.Count; i++)
            schedule.Asked(Start);

        var asked = schedule.Noticed(Start + Ms(1500));

        Assert.That((asked, schedule.Asked(Start + Ms(1500))), Is.EqualTo((true, Ms(50))));
    }

    [Test]
    public void A_minute_after_the_last_notice_sacct_is_asked_every_poll_interval_again()
    {
        var schedule = new FollowSchedule(Poll);
        schedule.Noticed(Start);

        Assert.That(schedule.Asked(Start + FollowSchedule.FollowPeriod), Is.EqualTo(Poll));
    }

    [Test]
    public void A_notice_while_following_makes_the_minute_start_again()
    {
        var schedule = new FollowSchedule(Poll);
        schedule.Noticed(Start);
        schedule.Asked(Start);
        schedule.Noticed(Start + TimeSpan.FromSeconds(30));

        Assert.That(schedule.Asked(Start + TimeSpan.FromSeconds(70)), Is.LessThan(Poll));
    }
}
