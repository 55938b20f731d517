using System.Text;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Slurm;

public class SlurmMailTests
{
    private const string CompletedName = "ZOO-Project_1e0812f3-feff-4358-848b-1c524221fdda_BandMath";
    private const string CompletedSubject = "Slurm Job_id=30 Name=" + CompletedName + " Ended, Run time 00:00:00, COMPLETED, ExitCode 0";

    private static SlurmMail? Parse(byte[] message) => SlurmMail.Parse(new MemoryStream(message));

    private static SlurmMail? ParseFile(string name) => Parse(TestData.Bytes($"mail/{name}"));

    // The captured completed mail with its Subject header replaced (folded or encoded as an MTA may deliver it).
    private static byte[] CompletedWithSubjectHeader(string header)
    {
        var text = TestData.Text("mail/completed-end.eml");
        Assert.That(text, Does.Contain("Subject: " + CompletedSubject + "\n"));
        return Encoding.UTF8.GetBytes(text.Replace("Subject: " + CompletedSubject + "\n", header));
    }

    [Test]
    public void The_end_mail_of_a_completed_job_names_the_job_its_event_and_its_state()
    {
        Assert.That(ParseFile("completed-end.eml"), Is.EqualTo(new SlurmMail("30", CompletedName, "Ended", "COMPLETED")));
    }

    [Test]
    public void The_usid_is_read_from_the_job_name()
    {
        Assert.That(ParseFile("completed-end.eml")?.Usid, Is.EqualTo("1e0812f3-feff-4358-848b-1c524221fdda"));
    }

    [Test]
    public void A_job_that_exits_non_zero_sends_a_Failed_mail_with_state_FAILED()
    {
        Assert.That(ParseFile("failed-fail.eml"),
            Is.EqualTo(new SlurmMail("31", "ZOO-Project_dcbff38d-7dd8-4fa0-81e8-cd547a6211d2_BandMath", "Failed", "FAILED")));
    }

    [TestCase("cancelled-end.eml", "32")]
    [TestCase("cancelled-pending-end.eml", "33")]
    public void A_cancelled_job_sends_an_Ended_mail_with_state_CANCELLED(string file, string slurmJobId)
    {
        var mail = ParseFile(file);

        Assert.That((mail?.SlurmJobId, mail?.Event, mail?.State), Is.EqualTo((slurmJobId, "Ended", "CANCELLED")));
    }

    [Test]
    public void A_job_past_its_time_limit_sends_a_Failed_mail_with_state_TIMEOUT()
    {
        var mail = ParseFile("timeout-failed.eml");

        Assert.That((mail?.SlurmJobId, mail?.Event, mail?.State), Is.EqualTo(("34", "Failed", "TIMEOUT")));
    }

    [Test]
    public void A_begin_mail_has_no_state()
    {
        Assert.That(ParseFile("running-began.eml"),
            Is.EqualTo(new SlurmMail("32", "ZOO-Project_9ffb2a62-4147-48c0-922a-db30e1a7ce21_BandMath", "Began", null)));
    }

    [Test]
    public void A_job_name_with_spaces_commas_equals_and_an_event_word_is_read_whole()
    {
        var mail = ParseFile("odd-name-end.eml");

        Assert.That(mail, Is.EqualTo(new SlurmMail("35", "ZOO-Project_082f71d1-4d41-473a-ab56-d6b9bcb3b351_Band Math, Ended=1", "Ended", "COMPLETED")));
    }

    [Test]
    public void The_usid_is_found_whatever_the_service_part_of_the_name_holds()
    {
        Assert.That(ParseFile("odd-name-end.eml")?.Usid, Is.EqualTo("082f71d1-4d41-473a-ab56-d6b9bcb3b351"));
    }

    [Test]
    public void An_RFC_2047_encoded_subject_is_decoded()
    {
        var mail = ParseFile("utf8-name-end.eml");

        Assert.That((mail?.SlurmJobId, mail?.JobName, mail?.State),
            Is.EqualTo(("36", "ZOO-Project_851397e2-2d35-480c-b83b-34e62d5d4aee_BandMathé", "COMPLETED")));
    }

    [Test]
    public void A_subject_folded_over_lines_is_read_as_one_line()
    {
        var folded = "Subject: Slurm Job_id=30\n Name=" + CompletedName + "\n Ended, Run time 00:00:00,\n COMPLETED, ExitCode 0\n";

        Assert.That(Parse(CompletedWithSubjectHeader(folded)), Is.EqualTo(new SlurmMail("30", CompletedName, "Ended", "COMPLETED")));
    }

    [Test]
    public void A_subject_in_several_folded_encoded_words_with_CRLF_line_ends_is_decoded()
    {
        var half = CompletedSubject.Length / 2;
        static string Word(string text) => "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
        var encoded = $"Subject: {Word(CompletedSubject[..half])}\n {Word(CompletedSubject[half..])}\n";
        var message = Encoding.UTF8.GetString(CompletedWithSubjectHeader(encoded)).Replace("\n", "\r\n");

        Assert.That(Parse(Encoding.UTF8.GetBytes(message)), Is.EqualTo(new SlurmMail("30", CompletedName, "Ended", "COMPLETED")));
    }

    [TestCase("Slurm Job_id=5 Name=x Ended, Run time 00:00:05, CANCELLED", "Ended", "CANCELLED")]
    [TestCase("Slurm Job_id=5 Name=x Ended, Run time 1-02:03:04, COMPLETED, ExitCode 0", "Ended", "COMPLETED")]
    [TestCase("Slurm Job_id=5 Name=x Ended, CANCELLED, ExitCode 0", "Ended", "CANCELLED")]
    [TestCase("Slurm Job_id=5 Name=x Failed, Run time 00:00:01, OUT_OF_MEMORY, ExitCode 0", "Failed", "OUT_OF_MEMORY")]
    [TestCase("Slurm Job_id=5 Name=x Requeued, Run time 00:00:01", "Requeued", null)]
    [TestCase("Slurm Job_id=5 Name=x Reached 90% of time limit, Run time 00:54:00", "Reached 90% of time limit", null)]
    [TestCase("Slurm Job_id=5 Name=x Reached time limit, Run time 01:00:00", "Reached time limit", null)]
    [TestCase("Slurm Job_id=5 Name=x Invalid dependency", "Invalid dependency", null)]
    public void Every_event_Slurm_writes_is_read_with_its_state(string subject, string expectedEvent, string? expectedState)
    {
        Assert.That(SlurmMail.FromSubject(subject), Is.EqualTo(new SlurmMail("5", "x", expectedEvent, expectedState)));
    }

    [TestCase("Slurm Job_id=30 Name=smoke Ended, Run time 00:00:01, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Name=ZOO-Project_1E0812F3-FEFF-4358-848B-1C524221FDDA_BandMath Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Name=ZOO-Project_1e0812f3-feff-4358-848b-1c524221fdda Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Name=ZOO-Project_1e0812f3-feff-4358-848b-1c524221fdda_ Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Name=ZOO-Project_not-a-uuid-at-all-not-a-uuid-at-all-1_BandMath Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    public void A_job_name_that_is_not_ZOO_has_no_usid(string subject)
    {
        Assert.That(SlurmMail.FromSubject(subject)?.Usid, Is.Null);
    }

    [Test]
    public void A_job_name_that_is_not_ZOO_still_reads_as_a_Slurm_mail()
    {
        Assert.That(SlurmMail.FromSubject("Slurm Job_id=6 Name=smoke Ended, Run time 00:00:01, COMPLETED, ExitCode 0"),
            Is.EqualTo(new SlurmMail("6", "smoke", "Ended", "COMPLETED")));
    }

    [TestCase("Re: Slurm Job_id=30 Name=x Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Cron <root@vm> backup")]
    [TestCase("Slurm Job_id=30 Name= Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=abc Name=x Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Name=x Exploded, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("Slurm Job_id=30 Name=x Ended, Run time 00:00:00, COMPLETED, ExitCode 0 and more")]
    [TestCase("Slurm Array Summary Job_id=30_* (30) Name=x Ended, COMPLETED, ExitCode [0-0]")]
    [TestCase("Slurm Array Task Job_id=30_1 (31) Name=x Ended, Run time 00:00:00, COMPLETED, ExitCode 0")]
    [TestCase("")]
    public void A_subject_Slurm_did_not_write_about_one_job_is_not_a_Slurm_mail(string subject)
    {
        Assert.That(SlurmMail.FromSubject(subject), Is.Null);
    }

    [Test]
    public void A_mail_with_another_subject_is_not_a_Slurm_mail()
    {
        Assert.That(Parse(CompletedWithSubjectHeader("Subject: Your disk quota is almost full\n")), Is.Null);
    }

    [Test]
    public void A_mail_without_subject_is_not_a_Slurm_mail()
    {
        Assert.That(Parse(CompletedWithSubjectHeader("")), Is.Null);
    }

    [Test]
    public void A_mail_truncated_inside_its_subject_is_not_a_Slurm_mail()
    {
        var whole = TestData.Bytes("mail/completed-end.eml");
        var cut = Encoding.UTF8.GetString(whole).IndexOf(" Ended,", StringComparison.Ordinal);

        Assert.That(Parse(whole[..cut]), Is.Null);
    }

    [Test]
    public void Every_truncation_of_a_real_mail_reads_without_throwing()
    {
        var whole = TestData.Bytes("mail/completed-end.eml");

        Assert.That(() =>
        {
            for (var length = 0; length <= whole.Length; length++)
                Parse(whole[..length]);
        }, Throws.Nothing);
    }

    [Test]
    public void An_empty_file_is_not_a_Slurm_mail()
    {
        Assert.That(Parse([]), Is.Null);
    }

    [Test]
    public void Binary_garbage_is_not_a_Slurm_mail()
    {
        var random = new Random(20261125);
        var results = Enumerable.Range(0, 50).Select(_ =>
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            return Parse(bytes);
        });

        Assert.That(results, Is.All.Null);
    }

    [Test]
    public void Binary_garbage_after_real_headers_leaves_the_subject_readable()
    {
        var random = new Random(7);
        var garbage = new byte[2048];
        random.NextBytes(garbage);

        Assert.That(Parse([.. TestData.Bytes("mail/completed-end.eml"), .. garbage])?.SlurmJobId, Is.EqualTo("30"));
    }

    [Test]
    public void A_long_job_name_full_of_what_Slurm_appends_is_read_whole()
    {
        var name = "ZOO-Project_1e0812f3-feff-4358-848b-1c524221fdda_" + string.Concat(Enumerable.Repeat("Ended, Run time 0, COMPLETED ", 1000));

        Assert.That(SlurmMail.FromSubject($"Slurm Job_id=30 Name={name} Ended, Run time 00:00:00, COMPLETED, ExitCode 0")?.JobName,
            Is.EqualTo(name));
    }
}
