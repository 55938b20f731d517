using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Slurm;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SacctTests
{
    // cgi-env/main.cfg's remote_command_opt, with which the rows in TestData/sacct were asked for (plus WorkDir).
    private const string RemoteCommandOpt =
        "JobID%30,JobName%30,User%30,Account%30,Partition%30,NCPUS%30,NodeList%30,Submit%30,Start%30,End%30,Elapsed%30,State%30,ExitCode%30";

    private static readonly IReadOnlyList<string> Fields = Sacct.Fields(RemoteCommandOpt);

    private static SacctRecord Row(string file, string jobId) =>
        Sacct.Parse(TestData.Text($"sacct/{file}"), Fields, jobId) ?? throw new AssertionException($"no row for job {jobId} in {file}");

    [Test]
    public void The_fields_of_remote_command_opt_lose_their_width_and_gain_WorkDir()
    {
        Assert.That(Fields, Is.EqualTo(new[]
        {
            "JobID", "JobName", "User", "Account", "Partition", "NCPUS", "NodeList", "Submit", "Start", "End", "Elapsed", "State", "ExitCode", "WorkDir",
        }));
    }

    [Test]
    public void Without_remote_command_opt_the_fields_are_those_waiting_needs()
    {
        Assert.That(Sacct.Fields(null), Is.EqualTo(new[] { "JobID", "JobName", "State", "ExitCode", "WorkDir" }));
    }

    [Test]
    public void Blanks_widths_empty_items_and_duplicates_are_dropped_and_the_missing_required_fields_appended_in_order()
    {
        var fields = Sacct.Fields(" Elapsed%-12 , state,,jobid%30,Elapsed,NodeList% ");

        Assert.That(fields, Is.EqualTo(new[] { "Elapsed", "state", "jobid", "NodeList", "JobName", "ExitCode", "WorkDir" }));
    }

    [Test]
    public void The_command_asks_for_one_job_without_steps_or_header_in_parsable_form()
    {
        var command = Sacct.Command("42", ["JobID", "State"]);

        Assert.That(command, Is.EqualTo(new[] { "sacct", "-j", "42", "-X", "-n", "-P", "--format=JobID,State" }));
    }

    [TestCase("")]
    [TestCase("-X")]
    [TestCase("42,43")]
    [TestCase("42 ")]
    public void The_command_refuses_what_is_not_a_job_id(string id)
    {
        Assert.Throws<ArgumentException>(() => Sacct.Command(id, Fields));
    }

    [Test]
    public void The_watch_for_the_end_runs_the_same_sacct_command_last()
    {
        var command = Sacct.CommandOnceEnded("42", ["JobID", "State"], TimeSpan.FromSeconds(1));

        Assert.That(command.TakeLast(7), Is.EqualTo(new[] { "sacct", "-j", "42", "-X", "-n", "-P", "--format=JobID,State" }));
    }

    [Test]
    public void The_watch_for_the_end_gives_the_job_id_to_its_script_as_an_argument_only()
    {
        var command = Sacct.CommandOnceEnded("4242", ["JobID", "State"], TimeSpan.FromSeconds(1));

        Assert.That(command[2], Does.Not.Contain("4242"));
    }

    [Test]
    public void The_watch_for_the_end_refuses_what_is_not_a_job_id()
    {
        Assert.Throws<ArgumentException>(() => Sacct.CommandOnceEnded("42;reboot", Fields, TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void The_watch_runs_sacct_once_slurmctld_lists_the_job_as_ended()
    {
        using var bin = new TempDirectory();
        FakeScontrol(bin, "RUNNING", "RUNNING", "COMPLETED", "COMPLETED");

        var output = RunLocally(bin, Sacct.CommandOnceEnded("42", ["JobID", "State"], TimeSpan.FromSeconds(10)));

        Assert.That((output, File.ReadAllLines(bin.PathOf("asked")).Length), Is.EqualTo(("sacct ran\n", 3)));
    }

    [Test]
    public void The_watch_gives_up_after_its_time_and_runs_sacct()
    {
        using var bin = new TempDirectory();
        FakeScontrol(bin, Enumerable.Repeat("RUNNING", 50).ToArray());

        RunLocally(bin, Sacct.CommandOnceEnded("42", ["JobID", "State"], TimeSpan.FromMilliseconds(200)));

        Assert.That(File.ReadAllLines(bin.PathOf("asked")), Has.Length.EqualTo(4));
    }

    [Test]
    public void The_watch_ends_at_once_when_slurmctld_does_not_know_the_job()
    {
        using var bin = new TempDirectory();
        FakeScontrol(bin);

        RunLocally(bin, Sacct.CommandOnceEnded("42", ["JobID", "State"], TimeSpan.FromSeconds(10)));

        Assert.That(File.ReadAllLines(bin.PathOf("asked")), Has.Length.EqualTo(1));
    }

    /// <summary>
    /// An scontrol that answers each call with the next of <paramref name="states"/> as <c>scontrol -o show job</c>
    /// prints it, and fails (an unknown job) when they run out; and an sacct that says it ran.
    /// </summary>
    private static void FakeScontrol(TempDirectory bin, params string[] states)
    {
        File.WriteAllLines(bin.PathOf("states"), states);
        Executable(bin.PathOf("scontrol"), $$"""
            #!/bin/sh
            echo "$*" >> '{{bin.PathOf("asked")}}'
            n=$(wc -l < '{{bin.PathOf("asked")}}')
            state=$(sed -n "${n}p" '{{bin.PathOf("states")}}')
            [ -n "$state" ] || { echo "slurm_load_jobs error: Invalid job id specified" >&2; exit 1; }
            echo "JobId=42 JobName=wrap JobState=$state Reason=None Dependency=(null)"
            """);
        Executable(bin.PathOf("sacct"), "#!/bin/sh\necho sacct ran\n");
    }

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Runs the command here as the cluster's shell would, with the fakes first on the PATH; its standard output.</summary>
    private static string RunLocally(TempDirectory bin, IReadOnlyList<string> command) =>
        Shell.Command($"PATH={ShellQuote.Quote(bin.Path)}:/usr/bin:/bin {ShellQuote.Join(command)}", bin.Path).Stdout;

    [Test]
    public void A_completed_job_row_gives_every_field_by_name()
    {
        var row = Row("completed.txt", "30");

        Assert.That(row.Fields.Select(f => $"{f.Key}={f.Value}"), Is.EqualTo(new[]
        {
            "JobID=30", "JobName=ZOO-Project_1e0812f3-feff-4358-848b-1c524221fdda_BandMath", "User=hpcuser", "Account=zoo",
            "Partition=debug", "NCPUS=1", "NodeList=vm", "Submit=2026-11-25T19:55:31", "Start=2026-11-25T19:55:31",
            "End=2026-11-25T19:55:31", "Elapsed=00:00:00", "State=COMPLETED", "ExitCode=0:0", "WorkDir=/home/hpcuser/zoo-capture",
        }));
    }

    [Test]
    public void A_completed_job_succeeded()
    {
        var row = Row("completed.txt", "30");

        Assert.That((row.JobId, row.State, row.ExitCode, row.WorkDir, row.IsTerminal, row.Succeeded),
            Is.EqualTo(("30", "COMPLETED", "0:0", "/home/hpcuser/zoo-capture", true, true)));
    }

    [Test]
    public void A_job_that_exited_3_failed_with_exit_code_3()
    {
        var row = Row("failed.txt", "31");

        Assert.That((row.State, row.ExitCode, row.IsTerminal, row.Succeeded), Is.EqualTo(("FAILED", "3:0", true, false)));
    }

    [Test]
    public void A_cancelled_job_state_is_the_first_word_of_what_sacct_prints()
    {
        var row = Row("cancelled.txt", "32");

        Assert.That((row["State"], row.State, row.IsTerminal, row.Succeeded), Is.EqualTo(("CANCELLED by 1001", "CANCELLED", true, false)));
    }

    [Test]
    public void A_job_cancelled_while_pending_is_over_and_keeps_sacct_None_start()
    {
        var row = Row("cancelled-pending.txt", "33");

        Assert.That((row.State, row.IsTerminal, row["Start"], row["NodeList"]), Is.EqualTo(("CANCELLED", true, "None", "None assigned")));
    }

    [Test]
    public void A_job_past_its_time_limit_timed_out()
    {
        var row = Row("timeout.txt", "34");

        Assert.That((row.State, row.ExitCode, row.IsTerminal, row.Succeeded), Is.EqualTo(("TIMEOUT", "0:0", true, false)));
    }

    [TestCase("pending.txt", "33", "PENDING")]
    [TestCase("running.txt", "32", "RUNNING")]
    public void A_job_not_yet_ended_is_not_terminal(string file, string jobId, string state)
    {
        var row = Row(file, jobId);

        Assert.That((row.State, row.IsTerminal, row.Succeeded), Is.EqualTo((state, false, false)));
    }

    [Test]
    public void Empty_fields_of_the_placeholder_row_right_after_the_end_stay_empty_and_aligned()
    {
        var row = Row("completed-just-ended.txt", "30");

        Assert.That((row["JobName"], row["Partition"], row["NCPUS"], row["State"], row["WorkDir"], row.WorkDir),
            Is.EqualTo(("allocation", "", "1", "COMPLETED", "", (string?)null)));
    }

    [Test]
    public void The_row_of_the_asked_job_is_found_among_other_jobs_and_steps()
    {
        var output = TestData.Text("sacct/two-jobs-with-steps.txt");

        var row = Sacct.Parse(output, Fields, "31");

        Assert.That((row?["JobName"], row?.State), Is.EqualTo(("ZOO-Project_dcbff38d-7dd8-4fa0-81e8-cd547a6211d2_BandMath", "FAILED")));
    }

    [Test]
    public void A_step_row_is_not_the_job_row()
    {
        var output = TestData.Text("sacct/two-jobs-with-steps.txt");

        Assert.That(Sacct.Parse(output, Fields, "30")?["JobName"], Is.EqualTo("ZOO-Project_1e0812f3-feff-4358-848b-1c524221fdda_BandMath"));
    }

    [TestCase("")]
    [TestCase("\n")]
    public void A_job_sacct_does_not_list_yet_has_no_row(string output)
    {
        Assert.That(Sacct.Parse(output, Fields, "30"), Is.Null);
    }

    [Test]
    public void A_job_id_is_matched_whole()
    {
        Assert.That(Sacct.Parse(TestData.Text("sacct/completed.txt"), Fields, "3"), Is.Null);
    }

    [Test]
    public void A_line_with_fewer_values_than_fields_is_not_a_row()
    {
        var truncated = TestData.Text("sacct/completed.txt").Split("|COMPLETED|")[0];

        Assert.That(Sacct.Parse(truncated, Fields, "30"), Is.Null);
    }

    [Test]
    public void A_bar_inside_the_last_value_stays_in_it()
    {
        var output = TestData.Text("sacct/completed.txt").Replace("/home/hpcuser/zoo-capture", "/home/hpcuser/a|b");

        Assert.That(Sacct.Parse(output, Fields, "30")?.WorkDir, Is.EqualTo("/home/hpcuser/a|b"));
    }

    [Test]
    public void Carriage_returns_at_line_ends_are_not_part_of_the_last_value()
    {
        var output = TestData.Text("sacct/completed.txt").Replace("\n", "\r\n");

        Assert.That(Sacct.Parse(output, Fields, "30")?.WorkDir, Is.EqualTo("/home/hpcuser/zoo-capture"));
    }

    [Test]
    public void Fields_without_JobID_cannot_find_a_job()
    {
        Assert.Throws<ArgumentException>(() => Sacct.Parse(TestData.Text("sacct/completed.txt"), ["State"], "30"));
    }
}
