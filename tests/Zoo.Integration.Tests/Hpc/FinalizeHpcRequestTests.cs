using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// FinalizeHPC.cgi answers what needs no cluster: requests naming no waiting job get ZOO's ExceptionReports, and its
/// mail modes ignore what is not theirs.
/// </summary>
[TestFixture]
public sealed class FinalizeHpcRequestTests
{
    private const string UnknownJob = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";

    private ServiceDirectory _dist = null!;

    [OneTimeSetUp]
    public void CopyDist() => _dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);

    [OneTimeTearDown]
    public void RemoveCopy() => _dist.Dispose();

    private CgiResult Get(string query) => CgiProcess.Get(_dist.Path, query, executable: RepositoryPaths.FinalizeHpc);

    private static string Finalize10(string identifier, string jobId) => Kvp(identifier, "JobId=" + Q(jobId));

    [TestCase("FinalizeHPC1")]
    [TestCase("FinalizeHPC")]
    public void An_unknown_job_gets_zoo_exception_report(string identifier)
    {
        var result = Get(Finalize10(identifier, UnknownJob));

        SchemaValidator.AssertValid(result);
        Assert.That((OwsReport.Code(result), OwsReport.Text(result)),
            Is.EqualTo(("NoApplicableCode", "Unable to read the lenv section file of the requested jobid")));
    }

    [TestCase("../../../etc/passwd")]
    [TestCase("x/../../main")]
    [TestCase(UnknownJob + "/../../main")]
    public void A_job_id_that_is_not_one_never_reaches_a_file(string jobId)
    {
        var result = Get(Finalize10("FinalizeHPC1", jobId));

        Assert.That(OwsReport.Text(result), Is.EqualTo("Unable to read the lenv section file of the requested jobid"));
    }

    [Test]
    public void A_2_0_0_xml_execute_for_an_unknown_job_gets_an_ows_2_exception_report()
    {
        var result = CgiProcess.Run(_dist.Path, "POST", "", System.Text.Encoding.UTF8.GetBytes(
            Xml20("FinalizeHPC1", Data20("JobId", "", UnknownJob), Output20("Result"))), "text/xml", null, RepositoryPaths.FinalizeHpc);

        SchemaValidator.AssertValid(result);
        Assert.That(OwsReport.First(result).Name.Namespace, Is.EqualTo(OwsReport.Ows20));
    }

    [Test]
    public void Its_capabilities_list_zoo_finalize_services()
    {
        var result = Get("service=WPS&version=1.0.0&request=GetCapabilities");

        XNamespace ows = "http://www.opengis.net/ows/1.1";
        var identifiers = XDocument.Parse(result.Text).Descendants(ows + "Identifier").Select(i => i.Value);
        Assert.That(identifiers, Does.Contain("FinalizeHPC").And.Contain("FinalizeHPC1"));
    }

    [Test]
    public void A_mail_that_is_not_from_slurm_is_ignored()
    {
        var (code, log) = FinalizeMail("From: someone@example.org\nSubject: hello\n\nnot a job\n");

        Assert.That(code, Is.Zero, log);
        Assert.That(log, Does.Contain("ignored: not a Slurm job mail"));
    }

    [Test]
    public void A_slurm_mail_of_a_job_this_server_does_not_know_is_ignored()
    {
        var (code, log) = FinalizeMail($"From: slurm@vm\nSubject: Slurm Job_id=7 Name=ZOO-Project_{UnknownJob}_BandMath Ended, Run time 00:00:01, COMPLETED, ExitCode 0\n\n");

        Assert.That(code, Is.Zero, log);
        Assert.That(log, Does.Contain("ignored: job " + UnknownJob));
    }

    [Test]
    public void A_maildir_that_is_not_one_is_a_configuration_error()
    {
        var (code, _) = LocalCommand.Run(RepositoryPaths.FinalizeHpc, ["--maildir", Path.Combine(_dist.Path, "no-such-maildir"), Path.Combine(_dist.Path, "main.cfg")]);

        Assert.That(code, Is.EqualTo(78));
    }

    private (int Code, string Log) FinalizeMail(string mail) =>
        LocalCommand.Run(RepositoryPaths.FinalizeHpc, ["--mail", Path.Combine(_dist.Path, "main.cfg")], standardInput: mail);
}
