using Zoo.Integration.Tests.Support;
using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.WebServers;

/// <summary>
/// Real clients through each web server serve.sh deploys: OWSLib (Debian's python3-owslib, run by Debian's python3) and
/// a plain shell script with curl, both in tests/clients/, where their expectations are written.
/// </summary>
[TestFixture("nginx")]
[TestFixture("apache")]
public sealed class ClientsOverWebServerTests(string server)
{
    private ServedCopy _served = null!;

    [OneTimeSetUp]
    public void Serve() => _served = ServedCopy.Start(server);

    [OneTimeTearDown]
    public void Stop() => _served?.Dispose();

    private static string Client(string name) => Path.Combine(RepositoryPaths.Root, "tests", "clients", name);

    [TestCase("capabilities")]
    [TestCase("describe")]
    [TestCase("execute-sync")]
    [TestCase("execute-async")]
    public void OWSLib_gets_what_the_sample_services_answer(string step)
    {
        var outcome = ExternalTool.Run("/usr/bin/python3", [Client("owslib-client.py"), _served.Wps, step], "python3-owslib");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.StandardOutput + outcome.StandardError);
    }

    [Test]
    public void The_curl_client_gets_a_synchronous_result()
    {
        var outcome = ExternalTool.Run("sh", [Client("curl-client.sh"), _served.Wps, "hello", "Toto"], "curl");

        Assert.That(outcome.StandardOutput, Is.EqualTo("Hello Toto from Python World !\n"), outcome.StandardError);
    }

    [Test]
    public void The_curl_client_follows_an_asynchronous_job_to_its_result()
    {
        var outcome = ExternalTool.Run("sh", [Client("curl-client.sh"), _served.Wps, "long", "1", "2"], "curl");

        Assert.That(outcome.StandardOutput, Is.EqualTo("LongProcess ran 2 steps in 1.0 seconds\n"), outcome.StandardError);
    }
}
