using Zoo.Integration.Tests.Support;
using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.Clients;

/// <summary>
/// tests/clients/direct-cgi.sh, a shell script that runs zoo_loader.cgi itself with the request in QUERY_STRING (or
/// POSTed on its standard input), without any web server, on a copy of dist.
/// </summary>
[TestFixture]
public sealed class DirectCgiClientTests
{
    private ServiceDirectory _dist = null!;

    [OneTimeSetUp]
    public void Copy() => _dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);

    [OneTimeTearDown]
    public void Remove() => _dist?.Dispose();

    private static string Script => Path.Combine(RepositoryPaths.Root, "tests", "clients", "direct-cgi.sh");

    [TestCase("hello")]
    [TestCase("hello-post")]
    public void The_script_gets_the_result_of_the_CGI_it_runs(string request)
    {
        var outcome = ExternalTool.Run("sh", [Script, _dist.Path, request, "Tôto & <co>"], "dash");

        Assert.That(outcome.StandardOutput, Is.EqualTo("Hello Tôto & <co> from Python World !\n"), outcome.StandardError);
    }

    [Test]
    public void The_script_fails_with_the_ExceptionReport_when_the_CGI_refuses_the_request()
    {
        using var withoutHelloPy = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        File.Delete(Path.Combine(withoutHelloPy.Path, "HelloPy.zcfg"));

        var outcome = ExternalTool.Run("sh", [Script, withoutHelloPy.Path, "hello", "Toto"], "dash");

        Assert.That((outcome.ExitCode, outcome.StandardError.Contains("ows:ExceptionReport", StringComparison.Ordinal)), Is.EqualTo((1, true)),
            outcome.StandardOutput + outcome.StandardError);
    }
}
