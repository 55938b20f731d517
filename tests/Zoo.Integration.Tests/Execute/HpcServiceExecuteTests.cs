using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Execute;

/// <summary>HPC services run only asynchronously: a synchronous Execute is refused as ZOO refuses it.</summary>
[TestFixture]
public sealed class HpcServiceExecuteTests
{
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void A_synchronous_execute_of_an_hpc_service_is_refused_with_NoSuchMode()
    {
        var result = CgiProcess.Get(_services.Path,
            "service=WPS&version=1.0.0&request=Execute&identifier=hpc.Smoothing&DataInputs=in=@xlink:href=http://127.0.0.1:9/x.tif&ResponseDocument=out");

        var error = System.Xml.Linq.XDocument.Parse(result.Text).Root!.Elements().First();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("400 Bad request"));
            Assert.That(error.Attribute("exceptionCode")?.Value, Is.EqualTo("NoSuchMode"));
            Assert.That(error.Attribute("locator")?.Value, Is.EqualTo("Smoothing"));
            Assert.That(error.Value, Is.EqualTo("The synchronous mode is not supported by this type of service"));
        });
        SchemaValidator.AssertValid(result);
    }
}
