using System.Diagnostics;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// A JobID is used to name files only when it is a lower-case UUID: anything else is an unknown job,
/// and no file inside or outside tmpPath is read as a job, changed or removed, nor any process signalled.
/// Decoys make a careless implementation visible: files named after each bad id, in tmpPath and beside
/// it, whose .pid names a live process that must survive.
/// </summary>
[TestFixture]
public sealed class JobIdSafetyTests : AsyncFixture
{
    private string _realJob = null!;
    private Process _decoy = null!;
    private IReadOnlyList<string> _before = null!;

    private static readonly string[] BadIds = ["../x", "a", ".", "..", "/x", "%00", "01a213ec-1d41-70ae-ad0e-8f5839f5f50c/../x"];

    [OneTimeSetUp]
    public void CreateAJobAndDecoys()
    {
        _realJob = JobIdOf(Post(Xml20(0.2, 1, "async")));
        Jobs.WaitUntilFinal(_realJob);
        _decoy = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var pid = _decoy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var stem in new[] { "x", "a", ".", "", _realJob.ToUpperInvariant() })
        {
            foreach (var directory in new[] { Services.TmpPath, Services.Path })
            {
                File.WriteAllText(Path.Combine(directory, stem + ".sid"), "1");
                File.WriteAllText(Path.Combine(directory, stem + ".pid"), pid);
                File.WriteAllText(Path.Combine(directory, stem + ".res"), "[status]\nstatus=Succeeded\n");
                File.WriteAllText(Path.Combine(directory, stem + "_lenv.cfg"), "[lenv]\nIdentifier=LongProcess\n");
                File.WriteAllText(Path.Combine(directory, "LongProcess_" + stem + ".xml"), "<decoy/>");
            }
        }
        _before = DirectorySnapshot.Take(Services.Path);
    }

    [OneTimeTearDown]
    public void StopTheDecoy()
    {
        _decoy.Kill();
        _decoy.Dispose();
    }

    private static string Query(string operation, string id) =>
        $"service=WPS&version=2.0.0&request={operation}&JobID={Uri.EscapeDataString(id)}";

    private static IEnumerable<TestCaseData> BadRequests() =>
        from operation in new[] { "GetStatus", "GetResult", "Dismiss" }
        from id in BadIds
        select new TestCaseData(operation, id).SetArgDisplayNames(operation, id);

    [TestCaseSource(nameof(BadRequests))]
    public void A_JobID_that_is_not_a_UUID_is_NoSuchJob_with_404(string operation, string id)
    {
        var result = Get(Query(operation, id));

        Assert.That(new[] { OwsReport.Code(result), result.Status[..Math.Min(3, result.Status.Length)] }, Is.EqualTo(new[] { "NoSuchJob", "404" }), result.Text);
    }

    [TestCaseSource(nameof(BadRequests))]
    public void A_JobID_that_is_not_a_UUID_touches_no_file(string operation, string id)
    {
        Get(Query(operation, id));

        Assert.That(DirectorySnapshot.Take(Services.Path), Is.EqualTo(_before));
    }

    [TestCaseSource(nameof(BadRequests))]
    public void A_JobID_that_is_not_a_UUID_signals_no_process(string operation, string id)
    {
        Get(Query(operation, id));

        Assert.That(ProcessTable.IsAlive(_decoy.Id), Is.True);
    }

    [TestCase("GetStatus")]
    [TestCase("GetResult")]
    [TestCase("Dismiss")]
    public void The_upper_case_form_of_a_real_JobID_is_NoSuchJob_with_404(string operation)
    {
        var result = Get(Query(operation, _realJob.ToUpperInvariant()));

        Assert.That(new[] { OwsReport.Code(result), result.Status[..Math.Min(3, result.Status.Length)] }, Is.EqualTo(new[] { "NoSuchJob", "404" }), result.Text);
    }

    [TestCase("GetStatus")]
    [TestCase("GetResult")]
    [TestCase("Dismiss")]
    public void The_upper_case_form_of_a_real_JobID_touches_no_file(string operation)
    {
        Get(Query(operation, _realJob.ToUpperInvariant()));

        Assert.That(DirectorySnapshot.Take(Services.Path), Is.EqualTo(_before));
    }

    [TestCase("GetStatus")]
    [TestCase("GetResult")]
    [TestCase("Dismiss")]
    public void An_unknown_well_formed_UUID_is_NoSuchJob_with_404(string operation)
    {
        var result = Get(Query(operation, Guid.NewGuid().ToString("D")));

        Assert.That(new[] { OwsReport.Code(result), result.Status[..Math.Min(3, result.Status.Length)] }, Is.EqualTo(new[] { "NoSuchJob", "404" }), result.Text);
    }

    /// <summary>An empty JobID is a missing one (kernel.md §4.2: jobid is mandatory), refused before any file is looked at.</summary>
    [TestCase("GetStatus")]
    [TestCase("GetResult")]
    [TestCase("Dismiss")]
    public void An_empty_JobID_is_refused_as_missing(string operation)
    {
        var result = Get(Query(operation, ""));

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Locator(result) }, Is.EqualTo(new[] { "MissingParameterValue", "jobid" }), result.Text);
    }

    [TestCase("GetStatus")]
    [TestCase("GetResult")]
    [TestCase("Dismiss")]
    public void An_empty_JobID_touches_no_file(string operation)
    {
        Get(Query(operation, ""));

        Assert.That(DirectorySnapshot.Take(Services.Path), Is.EqualTo(_before));
    }

    [TestCase("../x")]
    [TestCase("a")]
    [TestCase(".")]
    [TestCase("")]
    public void The_1_0_0_GetStatus_service_refuses_a_sid_that_is_not_a_UUID(string sid)
    {
        var result = Get($"request=Execute&service=WPS&version=1.0.0&Identifier=GetStatus&DataInputs=sid={Uri.EscapeDataString(sid)}&RawDataOutput=Result");

        Assert.That(OwsReport.Code(result), Is.EqualTo("InvalidParameterValue"), result.Text);
    }

    [TestCase("../x")]
    [TestCase("a")]
    [TestCase(".")]
    [TestCase("")]
    public void The_1_0_0_GetStatus_service_with_a_sid_that_is_not_a_UUID_touches_no_file(string sid)
    {
        Get($"request=Execute&service=WPS&version=1.0.0&Identifier=GetStatus&DataInputs=sid={Uri.EscapeDataString(sid)}&RawDataOutput=Result");

        Assert.That(DirectorySnapshot.Take(Services.Path), Is.EqualTo(_before));
    }
}
