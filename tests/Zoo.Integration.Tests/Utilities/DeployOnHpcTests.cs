using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Utilities;

/// <summary>
/// DeployOnHpc through zoo_loader.cgi where no cluster is needed: an image value that is no image is refused with a
/// failed run before anything connects. The copy's cluster is a listener here that counts who knocks.
/// </summary>
[TestFixture]
public sealed class DeployOnHpcTests
{
    private const string Refusal = "The image must be a docker://, oras:// or library:// reference, or a path ending .sif, "
        + "made of letters, digits and . _ - / (and : @ in a reference) only: no blanks, no shell characters, no leading -, no ..";

    private ServiceDirectory _dist = null!;
    private LoopbackListener _cluster = null!;
    private int _connections;

    [OneTimeSetUp]
    public void CopyDist()
    {
        _dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _cluster = new LoopbackListener((client, _) =>
        {
            Interlocked.Increment(ref _connections);
            return Task.CompletedTask;
        });
        foreach (var section in new[] { "hpc-config-preview", "hpc-config-fullres" })
        {
            _dist.SetConfig(section, "ssh_host", "127.0.0.1");
            _dist.SetConfig(section, "ssh_port", _cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [OneTimeTearDown]
    public void RemoveCopy()
    {
        _cluster.Dispose();
        _dist.Dispose();
    }

    private CgiResult Deploy10(string image) =>
        CgiProcess.Post(_dist.Path, Xml10("DeployOnHpc", Literal10("image", image), Document10("Result")));

    [TestCase("docker://ubuntu; touch /tmp/pwned")]
    [TestCase("docker://ubuntu$(touch /tmp/pwned)")]
    [TestCase("docker://`touch /tmp/pwned`")]
    [TestCase("docker://ubuntu|sh")]
    [TestCase("docker://ubuntu latest")]
    [TestCase("docker://ubuntu\ntouch /tmp/pwned")]
    [TestCase("docker://it's")]
    [TestCase("--help")]
    [TestCase("-v")]
    [TestCase("../../etc/passwd.sif")]
    [TestCase("$HOME/image.sif")]
    [TestCase("shub://vsoch/hello-world")]
    public void A_hostile_image_gets_the_refusal(string image)
    {
        var result = Deploy10(image);

        Assert.That((OwsReport.Code(result), OwsReport.Text(result)), Is.EqualTo(("NoApplicableCode", Refusal)));
    }

    [Test]
    public void A_hostile_image_never_reaches_the_cluster()
    {
        var before = Volatile.Read(ref _connections);

        Deploy10("docker://ubuntu; touch /tmp/pwned");

        Assert.That(Volatile.Read(ref _connections), Is.EqualTo(before));
    }

    [Test]
    public void The_refusal_is_a_schema_valid_exception_report()
    {
        SchemaValidator.AssertValid(Deploy10("--help"));
    }

    [Test]
    public void A_2_0_0_execute_of_a_hostile_image_gets_an_ows_2_exception_report_with_the_refusal()
    {
        var result = CgiProcess.Post(_dist.Path, Xml20("DeployOnHpc", Data20("image", "", X("docker://ubuntu&&id")), Output20("Result")));

        SchemaValidator.AssertValid(result);
        Assert.That((OwsReport.First(result).Name.Namespace, OwsReport.Text(result)), Is.EqualTo((OwsReport.Ows20, Refusal)));
    }

    [Test]
    public void A_kvp_execute_of_a_hostile_image_gets_the_refusal()
    {
        var result = CgiProcess.Get(_dist.Path, Kvp("DeployOnHpc", "image=" + Q("docker://ubuntu$(id)")));

        Assert.That(OwsReport.Text(result), Is.EqualTo(Refusal));
    }

    [Test]
    public void Deploy_on_hpc_is_described_with_zoo_input_and_output()
    {
        var result = CgiProcess.Get(_dist.Path, "service=WPS&version=1.0.0&request=DescribeProcess&Identifier=DeployOnHpc");

        SchemaValidator.AssertValid(result);
        Assert.That(result.Text, Does.Contain("<ows:Identifier>image</ows:Identifier>").And.Contain("<ows:Identifier>Result</ows:Identifier>"));
    }
}
