using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// An asynchronous Execute of an HPC service through the published CGI, followed on both sides: the job's files in
/// tmpPath and, once sbatch has returned, its Slurm job. Waiting for the submission never depends on how the WPS job
/// ends (it ends when the cluster job does, or earlier). Disposing dismisses the job, so that no worker stays behind,
/// then cancels its Slurm job if that still waits or runs.
/// </summary>
internal sealed class HpcJob : IDisposable
{
    private static readonly TimeSpan SubmissionDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(120);

    private readonly ServiceDirectory _services;
    private readonly LocalSlurm _slurm;
    private readonly string _service;

    private HpcJob(ServiceDirectory services, LocalSlurm slurm, string service, string usid)
    {
        _services = services;
        _slurm = slurm;
        _service = service;
        Usid = usid;
    }

    public string Usid { get; }

    /// <summary>ZOO's Slurm job name, the link between a WPS job and its Slurm job.</summary>
    public string SlurmJobName => $"ZOO-Project_{Usid}_{_service}";

    /// <summary>Posts the Execute; the CGI must accept it with a schema-valid StatusInfo.</summary>
    public static HpcJob Start(ServiceDirectory services, LocalSlurm slurm, string service, string request)
    {
        var accepted = CgiProcess.Post(services.Path, request);
        SchemaValidator.AssertValid(accepted);
        var usid = StatusInfo.Parse(accepted).JobId;
        Assert.That(usid, Is.Not.Empty, accepted.Text);
        return new HpcJob(services, slurm, service, usid);
    }

    /// <summary>
    /// Waits until sbatch has returned, when the worker writes ZOO's <c>exec_out_&lt;usid&gt;</c> (the Slurm job id and
    /// a newline), and returns the Slurm job id. A job that ends without it failed before submitting: the test fails
    /// with its message.
    /// </summary>
    public string WaitUntilSubmitted() => WaitUntilSubmitted(_services, Usid);

    /// <summary>The same wait for any asynchronous HPC job of <paramref name="services"/>.</summary>
    public static string WaitUntilSubmitted(ServiceDirectory services, string usid)
    {
        var execOut = Path.Combine(services.TmpPath, "exec_out_" + usid);
        var ending = Path.Combine(services.TmpPath, usid + ".res");
        // The ending is looked at before exec_out is read: the worker writes exec_out first, so a job seen ended has its final exec_out.
        var (_, text) = Poll.Until(() => (Ended: File.Exists(ending), Text: FileText.ReadOrNull(execOut)),
            seen => seen.Ended || seen.Text?.EndsWith('\n') == true, SubmissionDeadline, $"sbatch to return for job {usid}", Poll.Interval);
        if (text?.EndsWith('\n') != true)
            Assert.Fail($"job {usid} ended without submitting anything: {FileText.ReadOrNull(ending)}");
        var slurmId = text!.Trim();
        Assert.That(slurmId, Does.Match("^[0-9]+$"), "exec_out_" + usid);
        return slurmId;
    }

    /// <summary>Polls sacct until the Slurm job has ended; returns its <c>JobID|State</c>.</summary>
    public string WaitUntilEndedOnSlurm() => _slurm.WaitUntilEnded(SlurmJobName, RunDeadline);

    /// <summary>The Slurm jobs carrying this job's name (<c>JobID|State</c>), as sacct lists them.</summary>
    public IReadOnlyList<string> SlurmJobs() => _slurm.Jobs(SlurmJobName);

    /// <summary>Where the job script is uploaded: <c>&lt;remote_work_path&gt;/zoo_&lt;Service&gt;_&lt;usid&gt;.sh</c>.</summary>
    public string RemoteScriptPath => Path.Combine(new RemoteDirectories(_services).Work, $"zoo_{_service}_{Usid}.sh");

    /// <summary>The job script as it was uploaded to the cluster.</summary>
    public string UploadedScript() => File.ReadAllText(RemoteScriptPath);

    /// <summary>
    /// Waits for the WPS job to end (for jobs that fail before submitting) and returns its final status and its
    /// result; both answers must be schema valid.
    /// </summary>
    public (string Status, CgiResult Result) WaitUntilFinal()
    {
        var jobs = new AsyncJobs(_services);
        jobs.WaitUntilFinal(Usid);
        var status = jobs.GetStatus(Usid);
        SchemaValidator.AssertValid(status);
        var result = jobs.GetResult(Usid);
        SchemaValidator.AssertValid(result);
        return (StatusInfo.Parse(status).Status, result);
    }

    public void Dispose()
    {
        // The worker first: dismissed, it can no longer submit anything after the cancel.
        var dismissed = new AsyncJobs(_services).Dismiss(Usid);
        if (!dismissed.Status.StartsWith("200", StringComparison.Ordinal))
            TestContext.Progress.WriteLine($"Dismiss of {Usid} answered {dismissed.Status}: {dismissed.Text}");
        _slurm.Cancel(SlurmJobName);
    }
}
