using Zoo.Hpc.Completion;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Completion;

/// <summary>
/// What FinalizeHPC.cgi --mail and --maildir make of a finalization, and their exit statuses as an MTA reads them
/// (sysexits.h): 0 delivered, 75 deliver again later, 78 no configuration, 1 bounce.
/// </summary>
[TestFixture]
public sealed class MailPolicyTests
{
    private static FinalizeOutcome Outcome(string state) =>
        new("0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b", new SacctRecord([new("JobID", "42"), new("State", state), new("ExitCode", "0:0")]), true);

    [Test]
    public void A_mail_whose_job_was_finalized_exits_0() =>
        Assert.That(MailPolicy.ExitStatusOf(MailPolicy.DispositionOf(Outcome("COMPLETED"))), Is.Zero);

    [Test]
    public void A_mail_whose_job_failed_on_the_cluster_is_finalized_too() =>
        Assert.That(MailPolicy.DispositionOf(Outcome("FAILED")), Is.EqualTo(MailDisposition.Finalized));

    [Test]
    public void An_end_mail_that_sacct_still_lists_as_running_is_delivered_again_later() =>
        Assert.That(MailPolicy.ExitStatusOf(MailPolicy.DispositionOf(Outcome("RUNNING"))), Is.EqualTo(75));

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
