using System.Diagnostics;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// FinalizeHPC as the original's clients call it, against jobs really running on the test cluster: a WPS Execute
/// of FinalizeHPC1 / FinalizeHPC with JobId (KVP and XML, 1.0.0 and 2.0.0), and one mail on stdin (--mail).
/// The worker's own polling is slowed down so that only the finalizer can end the job in time.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class FinalizeHpcClusterTests
{
    private const string Expression = "im1b1*2";

    private BandMathJobs _jobs = null!;

    [SetUp]
    public void CopyDist()
    {
        _jobs = new BandMathJobs(ClusterEnvironment.Require());
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "600");
    }

    [TearDown]
    public void RemoveCopy() => _jobs.Dispose();

    /// <summary>Submits, and waits until Slurm says the job completed: FinalizeHPC is called as the job's end mail would make it.</summary>
    private string EndedJob()
    {
        var jobId = _jobs.Submit(Expression);
        _jobs.WaitForSlurmState(_jobs.SlurmJobId(jobId), "COMPLETED");
        return jobId;
    }

    private CgiResult Finalize(string query) => CgiProcess.Get(_jobs.Services.Path, query, executable: RepositoryPaths.FinalizeHpc);

    [Test]
    public void A_1_0_0_kvp_execute_of_finalize_hpc1_answers_zoo_result_and_the_job_succeeds()
    {
        var jobId = EndedJob();

        var result = Finalize(Kvp("FinalizeHPC1", "JobId=" + jobId, "&RawDataOutput=Result"));

        Assert.That(result.Text, Is.EqualTo("\"FinalizeHPC run successfully\""));
        Assert.That(_jobs.WaitUntilFinal(jobId).Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void A_1_0_0_response_document_of_finalize_hpc_is_schema_valid()
    {
        var jobId = EndedJob();

        var result = Finalize(Kvp("FinalizeHPC", "JobId=" + jobId));

        SchemaValidator.AssertValid(result);
        Assert.That(result.Text, Does.Contain("ProcessSucceeded"));
    }

    [Test]
    public void A_2_0_0_xml_execute_of_finalize_hpc1_answers_a_schema_valid_result()
    {
        var jobId = EndedJob();

        var result = CgiProcess.Run(_jobs.Services.Path, "POST", "", System.Text.Encoding.UTF8.GetBytes(
            Xml20("FinalizeHPC1", Data20("JobId", "", jobId), Output20("Result"))), "text/xml", null, RepositoryPaths.FinalizeHpc);

        SchemaValidator.AssertValid(result);
        Assert.That(result.Text, Does.Contain("FinalizeHPC run successfully"));
    }

    [Test]
    public void Zoo_loader_serves_finalize_hpc1_too_as_an_existing_installation_calls_it()
    {
        var jobId = EndedJob();

        var result = CgiProcess.Get(_jobs.Services.Path, Kvp("FinalizeHPC1", "JobId=" + jobId, "&RawDataOutput=Result"));

        Assert.That(result.Text, Is.EqualTo("\"FinalizeHPC run successfully\""));
    }

    [Test]
    public void Finalizing_a_job_still_running_tells_its_worker_but_does_not_end_it()
    {
        _jobs.MakeJobsSleep();
        var jobId = _jobs.Submit(Expression);
        var slurmJobId = _jobs.SlurmJobId(jobId);
        _jobs.WaitForSlurmState(slurmJobId, "RUNNING");

        var result = Finalize(Kvp("FinalizeHPC1", "JobId=" + jobId, "&RawDataOutput=Result"));

        Assert.That(result.Text, Is.EqualTo("\"FinalizeHPC run successfully\""));
        Assert.That(_jobs.Jobs.Status(jobId).Status, Is.EqualTo("Running"));
        _jobs.Jobs.Dismiss(jobId);
    }

    [Test]
    public void A_finalize_hpc_that_cannot_reach_the_worker_socket_ends_the_wait_through_exec_status_within_2_s()
    {
        var jobId = EndedJob();
        // What FinalizeHPC on a second front-end sharing tmpPath (NFS) sees: a socket file nobody answers on from there.
        // The worker keeps listening on its socket, under another name.
        var socket = Path.Combine(_jobs.Services.TmpPath, ".wait_sockets", $".wait_socket_{jobId}.sock");
        File.Move(socket, socket + ".elsewhere");
        File.WriteAllText(socket, "");

        var result = Finalize(Kvp("FinalizeHPC1", "JobId=" + jobId, "&RawDataOutput=Result"));
        var told = Stopwatch.StartNew();
        Poll.Until(() => WaitIsOver(jobId), over => over, TimeSpan.FromSeconds(10), "the worker's wait to end", TimeSpan.FromMilliseconds(20));
        var waited = told.Elapsed;

        Assert.That(result.Text, Is.EqualTo("\"FinalizeHPC run successfully\""));
        Assert.That(waited, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(_jobs.WaitUntilFinal(jobId).Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void One_slurm_mail_on_stdin_finalizes_its_job()
    {
        var jobId = _jobs.Submit(Expression);
        var mail = _jobs.EndMail(jobId);

        var (code, log) = LocalCommand.Run(RepositoryPaths.FinalizeHpc, ["--mail", _jobs.MainConfig], standardInput: File.ReadAllText(mail));

        Assert.That(code, Is.Zero, log);
        Assert.That(_jobs.WaitUntilFinal(jobId).Status, Is.EqualTo("Succeeded"));
    }

    [Test]
    public void A_1_0_0_async_execute_stores_a_status_document_with_the_output_reference()
    {
        _jobs.Services.SetConfig("HPC", "sacct_poll_interval", "1");
        var query = Kvp("hpc.BandMath", $"il=@xlink:href={Q(_jobs.InputUrl)}@mimeType=image/tiff;exp={Q(Expression)}",
            "&ResponseDocument=out@asReference=true&storeExecuteResponse=true&status=true");
        var accepted = CgiProcess.Get(_jobs.Services.Path, query);
        XNamespace wps = "http://www.opengis.net/wps/1.0.0";
        var statusLocation = XDocument.Parse(accepted.Text).Root!.Attribute("statusLocation")!.Value;

        var final = Poll.Until(() => _jobs.Jobs.Fetch(statusLocation), r => r.Text.Contains("ProcessSucceeded", StringComparison.Ordinal)
            || r.Text.Contains("ProcessFailed", StringComparison.Ordinal), BandMathJobs.SlurmDeadline, "the stored status document to be final", TimeSpan.FromMilliseconds(200));

        SchemaValidator.AssertValid(final);
        XNamespace ows = "http://www.opengis.net/ows/1.1";
        var downloadLink = XDocument.Parse(final.Text).Descendants(wps + "Output")
            .Single(output => output.Element(ows + "Identifier")?.Value == "out.download_link");
        var reference = downloadLink.Element(wps + "Reference")!.Attribute("href")!.Value;
        Assert.That(reference, Does.EndWith($"output_BandMath_out_{JobIdOf(statusLocation)}.tiff"));
    }

    /// <summary>Whether the job's worker stopped waiting: it reports Slurm's end at 70 % (then 80, 90), or the job has ended.</summary>
    private bool WaitIsOver(string jobId)
    {
        if (File.Exists(Path.Combine(_jobs.Services.TmpPath, jobId + ".res")))
            return true;
        var status = File.ReadAllText(Path.Combine(_jobs.Services.TmpPath, jobId + ".status"));
        return int.TryParse(status.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture, out var percent) && percent >= 70;
    }

    /// <summary>The job id in a 1.0.0 statusLocation (ZOO's GetStatus service URL, <c>...DataInputs=sid=&lt;id&gt;...</c>).</summary>
    private static string JobIdOf(string statusLocation) =>
        System.Text.RegularExpressions.Regex.Match(Uri.UnescapeDataString(statusLocation), "sid=([0-9a-f-]{36})").Groups[1].Value;
}
