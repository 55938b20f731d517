using System.Diagnostics;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 12: a reference read from the local disk (<c>file://</c> under allowedPaths, or a URL under tmpUrl) was
/// opened whatever it was: a FIFO blocks its reader until someone writes, so the request hung (and with it a web
/// server worker) forever. A reference to a FIFO is refused within 1 s, InternalError; a regular file at the same
/// place is read.
/// </summary>
[TestFixture]
public sealed class FifoReferenceTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    /// <summary>Far beyond the bound: a hang shows as this timeout rather than a test run that never ends.</summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(30);

    private ServiceDirectory _services = null!;
    private string _data = null!;

    [OneTimeSetUp]
    public void MakeFifos()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _data = Directory.CreateDirectory(Path.Combine(_services.Path, "data")).FullName;
        _services.SetConfig("main", "allowedPaths", _data);
        MakeFifo(Path.Combine(_data, "features.json"));
        MakeFifo(Path.Combine(_services.TmpPath, "published.json"));
        File.WriteAllText(Path.Combine(_data, "regular.json"), """{"regular":true}""");
        File.WriteAllText(Path.Combine(_services.TmpPath, "regular.json"), """{"published":true}""");
    }

    [OneTimeTearDown]
    public void Remove() => _services.Dispose();

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.EqualTo(0), "mkfifo " + path);
    }

    private string TmpUrl(string name)
    {
        var tmpUrl = _services.Config("main", "tmpUrl")!;
        return tmpUrl + (tmpUrl.EndsWith('/') ? "" : "/") + name;
    }

    private MeasuredCgiResult Copy(string href) =>
        MeasuredCgi.Run(_services.Path, "GET", Kvp("CopyVector", "InputVector=@xlink:href=" + Q(href) + "@mimeType=application/json", "&RawDataOutput=Result"),
            null, null, null, null, HangTimeout);

    /// <summary>InternalError in a schema-valid report, within <see cref="Within"/> and within bounds.</summary>
    private static void AssertRefusedAtOnce(MeasuredCgiResult run, string what)
    {
        CgiAnswer.AssertReport(run.Result, "InternalError");
        Assert.That(run.Cost.Elapsed, Is.LessThan(Within), run.Cost.ToString());
        SchemaValidator.AssertValid(run.Result);
        MeasuredCgi.AssertBounded(run, what);
    }

    [Test]
    public void A_file_reference_to_a_FIFO_under_allowedPaths_is_refused_at_once()
    {
        var run = Copy(new Uri(Path.Combine(_data, "features.json")).AbsoluteUri);

        AssertRefusedAtOnce(run, "a file:// reference to a FIFO");
    }

    [Test]
    public void A_tmpUrl_reference_to_a_FIFO_in_tmpPath_is_refused_at_once()
    {
        var run = Copy(TmpUrl("published.json"));

        AssertRefusedAtOnce(run, "a tmpUrl reference to a FIFO");
    }

    [Test]
    public void A_regular_file_at_the_same_places_is_read()
    {
        var local = Copy(new Uri(Path.Combine(_data, "regular.json")).AbsoluteUri);
        var published = Copy(TmpUrl("regular.json"));

        Assert.Multiple(() =>
        {
            Assert.That(local.Result.Text, Is.EqualTo("""{"regular":true}"""), () => CgiAnswer.Head(local.Result));
            Assert.That(published.Result.Text, Is.EqualTo("""{"published":true}"""), () => CgiAnswer.Head(published.Result));
        });
    }
}
