using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// hpc.BandMath from the async Execute to the result, on the real test cluster, through each way the end of the Slurm
/// job reaches the waiting worker: the job script's footer calling FinalizeHPC.cgi over HTTP (nginx + fcgiwrap), a
/// Slurm mail handed to FinalizeHPC.cgi --maildir, and no notice at all (the worker's own sacct polling).
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcCompletionClusterTests
{
    private const string Expression = "im1b1*2";

    private BandMathJobs _jobs = null!;

    [SetUp]
    public void CopyDist() => _jobs = new BandMathJobs(ClusterEnvironment.Require());

    [TearDown]
    public void RemoveCopy() => _jobs.Dispose();

    private void AssertSucceededWithTheLocalResult(string jobId)
    {
        var final = _jobs.WaitUntilFinal(jobId);
        Assert.That(final.Status, Is.EqualTo("Succeeded"), final.Message);
        Assert.That(BandMath.Checksum(_jobs.ResultFile(jobId)), Is.EqualTo(BandMath.Checksum(_jobs.RunLocally(Expression))));
    }

    [Test]
    public void Without_any_notice_the_worker_finds_the_end_with_sacct_and_brings_the_output_home()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");

        var jobId = _jobs.Submit(Expression);

        AssertSucceededWithTheLocalResult(jobId);
    }

    [Test]
    public void The_footer_calling_finalize_hpc_over_http_ends_the_job()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
        using var server = ServeScript.Start(_jobs.Services.Path);
        _jobs.Services.Write("footer.sh",
            $"curl -sS --max-time 30 -o /dev/null 'http://127.0.0.1:{server.Port}/cgi-bin/FinalizeHPC.cgi?service=WPS&version=1.0.0&request=Execute&Identifier=FinalizeHPC1&DataInputs=JobId=%s'\n");
        _jobs.Configure("jobscript_footer", "footer.sh");

        var jobId = _jobs.Submit(Expression);

        AssertSucceededWithTheLocalResult(jobId);
    }

    [Test]
    public void The_bundled_footer_call_of_finalize_hpc_answers_http_200_on_a_normal_end()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
        using var server = ServeScript.Start(_jobs.Services.Path);
        // The bundled footer as shipped, but for the served port.
        var bundled = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "cgi-env", "jobscript_footer.sh"));
        _jobs.Services.Write("footer.sh", bundled.Replace("127.0.0.1:8080", $"127.0.0.1:{server.Port}", StringComparison.Ordinal));
        _jobs.Configure("jobscript_footer", "footer.sh");

        var jobId = _jobs.Submit(Expression);

        AssertSucceededWithTheLocalResult(jobId);
        var finalizeCalls = File.ReadLines(server.AccessLog).Where(line => line.Contains("/cgi-bin/FinalizeHPC.cgi?", StringComparison.Ordinal)
                                                                            && line.Contains(jobId, StringComparison.Ordinal)).ToList();
        Assert.That(finalizeCalls.Select(line => line.Split('"')[2].Trim().Split(' ')[0]), Is.EqualTo(new[] { "200" }), string.Join("\n", finalizeCalls));
    }

    [Test]
    public void A_slurm_mail_handed_to_finalize_hpc_maildir_ends_the_job()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
        var jobId = _jobs.Submit(Expression);
        var maildir = PrivateMaildir();

        CopyMailOf(jobId, maildir);
        var (code, log) = FinalizeMaildir(maildir);

        Assert.That(code, Is.Zero, log);
        AssertSucceededWithTheLocalResult(jobId);
    }

    [Test]
    public void The_same_mail_handled_twice_finalizes_once()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
        var jobId = _jobs.Submit(Expression);
        var maildir = PrivateMaildir();
        var mail = CopyMailOf(jobId, maildir);
        FinalizeMaildir(maildir);
        _jobs.WaitUntilFinal(jobId);

        File.Copy(Path.Combine(maildir, "cur", Path.GetFileName(mail) + ":2,S"), mail);
        var (code, log) = FinalizeMaildir(maildir);

        Assert.That((code, Directory.GetFiles(Path.Combine(maildir, "new"))), Is.EqualTo((0, Array.Empty<string>())), log);
        Assert.That(log, Does.Contain("ignored"));
    }

    [Test]
    public void With_remote_cleanup_a_succeeded_job_leaves_only_its_output_on_the_cluster()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");
        _jobs.Services.SetConfig("HPC", "remote_cleanup", "true");
        var remote = new RemoteDirectories(_jobs.Services);
        var (data, work) = (remote.Data, remote.Work);
        var before = Directory.GetFiles(data).Concat(Directory.GetFiles(work)).ToHashSet();

        var jobId = _jobs.Submit(Expression);
        var slurmJobId = _jobs.SlurmJobId(jobId);

        Assert.That(_jobs.WaitUntilFinal(jobId).Status, Is.EqualTo("Succeeded"));
        var left = Directory.GetFiles(data).Concat(Directory.GetFiles(work))
            .Where(f => !before.Contains(f) && (f.Contains(jobId, StringComparison.Ordinal) || f.Contains($"slurm-{slurmJobId}.", StringComparison.Ordinal)
                                                 || Path.GetDirectoryName(f) == data && !Path.GetFileName(f).StartsWith("output_", StringComparison.Ordinal)));
        Assert.That(left.Select(Path.GetFileName), Is.EqualTo(new[] { $"output_BandMath_out_{jobId}.tiff" }));
    }

    [Test]
    public void A_failing_application_ends_the_job_failed_with_slurm_state_and_the_application_error()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");

        var jobId = _jobs.Submit("im1b1 +* 2");

        var final = _jobs.WaitUntilFinal(jobId);
        Assert.That(final.Status, Is.EqualTo("Failed"));
        Assert.That(ResMessage(jobId), Does.Contain("FAILED").And.Contain("Unexpected operator"), "the message names Slurm's state and the application's complaint");
    }

    [Test]
    public void A_job_cancelled_on_the_cluster_ends_failed()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");
        _jobs.MakeJobsSleep();
        var jobId = _jobs.Submit(Expression);
        var slurmJobId = _jobs.SlurmJobId(jobId);
        _jobs.WaitForSlurmState(slurmJobId, "RUNNING");

        _jobs.Slurm.CancelJob(slurmJobId);

        Assert.That(_jobs.WaitUntilFinal(jobId).Status, Is.EqualTo("Failed"));
        Assert.That(ResMessage(jobId), Does.Contain("CANCELLED"));
    }

    [Test]
    public void Dismissing_a_running_hpc_job_cancels_its_slurm_job()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
        _jobs.MakeJobsSleep();
        var jobId = _jobs.Submit(Expression);
        var slurmJobId = _jobs.SlurmJobId(jobId);
        _jobs.WaitForSlurmState(slurmJobId, "RUNNING");

        var dismissed = _jobs.Jobs.Dismiss(jobId);

        Assert.That(StatusInfo.Parse(dismissed).Status, Is.EqualTo("Dismissed"), dismissed.Text);
        _jobs.WaitForSlurmState(slurmJobId, "CANCELLED");
    }

    private string ResMessage(string jobId) =>
        File.ReadLines(Path.Combine(_jobs.Services.TmpPath, jobId + ".res"))
            .FirstOrDefault(l => l.StartsWith("message=", StringComparison.Ordinal))?["message=".Length..] ?? "";

    private string PrivateMaildir()
    {
        var maildir = Path.Combine(_jobs.Services.Path, "Maildir");
        foreach (var folder in new[] { "tmp", "new", "cur" })
            Directory.CreateDirectory(Path.Combine(maildir, folder));
        return maildir;
    }

    /// <summary>A copy of the job's end mail in <paramref name="maildir"/>/new: the other tests' mails are not this test's to handle.</summary>
    private string CopyMailOf(string jobId, string maildir)
    {
        var mail = _jobs.EndMail(jobId);
        var copy = Path.Combine(maildir, "new", Path.GetFileName(mail));
        File.Copy(mail, copy);
        return copy;
    }

    private (int Code, string Log) FinalizeMaildir(string maildir) =>
        LocalCommand.Run(Path.Combine(_jobs.Services.Path, "FinalizeHPC.cgi"), ["--maildir", maildir, _jobs.MainConfig]);
}
