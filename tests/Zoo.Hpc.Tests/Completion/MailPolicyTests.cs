using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>
/// What FinalizeHPC.cgi --mail and --maildir make of a finalization, and their exit statuses as an MTA reads them
/// (sysexits.h): 0 delivered, 75 deliver again later, 78 no configuration, 1 bounce.
/// </summary>
[TestFixture]
public sealed class MailPolicyTests
{
    [Test]
    public void A_mail_whose_job_worker_was_told_exits_0() =>
        Assert.That(MailPolicy.ExitStatusOf(MailDisposition.Finalized), Is.Zero);

    [Test]
    public void A_mail_to_retry_exits_75() =>
        Assert.That(MailPolicy.ExitStatusOf(MailDisposition.Retry), Is.EqualTo(75));

    [Test]
    public void A_mail_for_an_unknown_job_exits_0() =>
        Assert.That(MailPolicy.ExitStatusOf(MailPolicy.DispositionOf(FinalizeFailure.UnknownJob)), Is.Zero);

    [Test]
    public void A_mail_for_a_job_that_no_longer_waits_exits_0() =>
        Assert.That(MailPolicy.ExitStatusOf(MailPolicy.DispositionOf(FinalizeFailure.AlreadyEnded)), Is.Zero);

    [Test]
    public void A_mail_that_met_an_unreachable_cluster_or_a_finalization_in_progress_exits_75() =>
        Assert.That(MailPolicy.ExitStatusOf(MailPolicy.DispositionOf(FinalizeFailure.Temporary)), Is.EqualTo(75));

    [Test]
    public void A_mail_whose_job_configuration_is_broken_exits_1() =>
        Assert.That(MailPolicy.ExitStatusOf(MailPolicy.DispositionOf(FinalizeFailure.Permanent)), Is.EqualTo(1));

    [Test]
    public void Without_a_usable_main_cfg_the_exit_status_is_EX_CONFIG() =>
        Assert.That(MailPolicy.NoConfiguration, Is.EqualTo(78));

    [Test]
    public void A_maildir_pass_with_only_handled_or_retried_mails_exits_0() =>
        Assert.That(MailPolicy.ExitStatusOfMaildirPass(failedMails: 0), Is.Zero);

    [Test]
    public void A_maildir_pass_that_set_mails_aside_exits_1() =>
        Assert.That(MailPolicy.ExitStatusOfMaildirPass(failedMails: 2), Is.EqualTo(1));
}
