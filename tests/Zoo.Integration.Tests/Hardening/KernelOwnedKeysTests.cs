using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 1: keys the kernel owns in an input map (cache_file, size, isArray, cache_url...) given by a client as
/// attributes of an input. ZOO's services read cache_file when it is there, so a client naming /etc/passwd made
/// CopyVector answer with that file. The kernel sets these keys itself; a client's are never handed on.
/// </summary>
[TestFixture]
public sealed class KernelOwnedKeysTests
{
    private const string Passwd = "/etc/passwd";

    private ServiceDirectory _samples = null!;
    private ServiceDirectory _recording = null!;
    private string _passwdContent = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        _samples = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _recording = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _passwdContent = File.ReadAllText(Passwd);
        Assume.That(_passwdContent, Does.Contain("root:"), "/etc/passwd has no root line to look for");
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        _samples.Dispose();
        _recording.Dispose();
    }

    /// <summary>The attributes a client could try, each naming a file or a size that is not the input's.</summary>
    private static readonly string[] OwnedKeyAttributes =
    [
        "@cache_file=/etc/passwd",
        "@size=1048576",
        "@isArray=true",
        "@cache_url=file:///etc/passwd",
        "@cache_file=/etc/passwd@size=1048576@isArray=true@cache_url=file:///etc/passwd",
    ];

    [TestCaseSource(nameof(OwnedKeyAttributes))]
    public void CopyVector_never_answers_with_a_file_a_client_named(string attributes)
    {
        var result = CgiProcess.Get(_samples.Path,
            $"service=WPS&version=1.0.0&request=Execute&Identifier=CopyVector&DataInputs=InputVector=NULL{attributes}&RawDataOutput=Result");

        CgiAnswer.AssertProper(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Not.Contain("root:"), () => CgiAnswer.Head(result));
            Assert.That(result.Text, Is.Not.EqualTo(_passwdContent));
            // Either the input's own value comes back, or the request is refused: never anything else.
            if (result.Status.StartsWith("200", StringComparison.Ordinal))
                Assert.That(result.Text, Is.EqualTo("NULL"), () => CgiAnswer.Head(result));
            else
                Assert.That(OwsReport.Exceptions(result), Is.Not.Empty);
        });
    }

    [Test]
    public void CopyVector_in_an_XML_request_never_answers_with_a_file_a_client_named()
    {
        var body = Xml10("CopyVector",
            Complex10("InputVector", "mimeType=\"application/json\" cache_file=\"/etc/passwd\" size=\"1048576\" isArray=\"true\" cache_url=\"file:///etc/passwd\"",
                "NULL"),
            Raw10("Result"));

        var result = CgiProcess.Post(_samples.Path, body);

        CgiAnswer.AssertProper(result);
        Assert.That(result.Text, Does.Not.Contain("root:"), () => CgiAnswer.Head(result));
    }

    [Test]
    public void A_service_never_sees_the_kernel_owned_keys_a_client_gave()
    {
        var result = CgiProcess.Get(_recording.Path,
            "service=WPS&version=1.0.0&request=Execute&Identifier=Recorder" +
            "&DataInputs=Data=NULL@cache_file=/etc/passwd@size=1048576@isArray=true@length=7@cache_url=http://evil.example/x" +
            "@isCached=true@fmimeType=text/html@byValue=false@use_file=true&RawDataOutput=Result");

        CgiAnswer.AssertProper(result);
        Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
        var record = Recording.Parse(result);
        var data = record.Input("Data");
        var cacheFile = data.String("cache_file");
        Assert.Multiple(() =>
        {
            Assert.That(cacheFile, Does.Match($"^{System.Text.RegularExpressions.Regex.Escape(_recording.TmpPath)}/Input_Data_{record.Usid}_0\\.xml$"));
            Assert.That(record.FileBytes(cacheFile!), Is.EqualTo("NULL"u8.ToArray()), "the input file holds the value, not another file");
            Assert.That(data.String("size"), Is.EqualTo("4"));
            Assert.That(data.String("cache_url"), Is.EqualTo(record.TmpUrl + $"Input_Data_{record.Usid}_0.xml"));
            Assert.That(data.Keys, Has.None.EqualTo("isArray").And.None.EqualTo("length").And.None.EqualTo("isCached")
                .And.None.EqualTo("fmimeType").And.None.EqualTo("use_file"));
            Assert.That(data.AllStrings(), Has.None.Contains(Passwd).And.None.Contains("evil.example").And.None.EqualTo("text/html"));
            Assert.That(result.Text, Does.Not.Contain("root:"));
        });
    }
}
