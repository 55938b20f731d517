using System.Text;
using System.Text.RegularExpressions;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Execute;

/// <summary>
/// Synchronous Execute of HelloPy answers as the original kernel did (../shared/zoo-examples 05–08),
/// given the same serverAddress. Two differences are allowed: creationTime, and the literal's attributes,
/// which ZOO writes <c>DataType</c>/<c>UOM</c> and the schema spells <c>dataType</c>/<c>uom</c>.
/// </summary>
[TestFixture]
public sealed partial class HelloPyExecuteTests
{
    private const string KvpQuery = "service=WPS&version=1.0.0&request=Execute&identifier=HelloPy&DataInputs=a=Toto";
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _services.SetConfig("main", "serverAddress", "http://localhost/cgi-bin/zoo_loader.cgi");
    }

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void A_KVP_ResponseDocument_answers_as_ZOO_example_05()
    {
        var expected = WithSchemaAttributes(Comparable(Example("05-execute-hellopy-kvp-1.0.0-responsedocument.txt")));

        var actual = Comparable(CgiRawOutput.Get(_services.Path, KvpQuery + "&ResponseDocument=Result"));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void A_KVP_RawDataOutput_answers_byte_for_byte_as_ZOO_example_06()
    {
        var expected = File.ReadAllBytes(Path.Combine(RepositoryPaths.ZooExamples, "06-execute-hellopy-kvp-1.0.0-rawdataoutput.txt"));

        var actual = CgiRawOutput.Get(_services.Path, KvpQuery + "&RawDataOutput=Result");

        Assert.That(Encoding.UTF8.GetString(actual), Is.EqualTo(Encoding.UTF8.GetString(expected)));
    }

    [Test]
    public void A_POST_1_0_0_Execute_answers_as_ZOO_example_07()
    {
        var expected = WithSchemaAttributes(Comparable(Example("07-execute-hellopy-post-1.0.0.txt")));

        var actual = Comparable(CgiRawOutput.Post(_services.Path, Request("execute-hellopy-1.0.0.xml")));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void A_POST_2_0_0_Execute_answers_byte_for_byte_as_ZOO_example_08()
    {
        var expected = Example("08-execute-hellopy-post-2.0.0.txt");

        var actual = Encoding.UTF8.GetString(CgiRawOutput.Post(_services.Path, Request("execute-hellopy-2.0.0.xml")));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("kvp-document")]
    [TestCase("post-1.0.0")]
    [TestCase("post-2.0.0")]
    public void The_answer_is_schema_valid(string form)
    {
        var result = form switch
        {
            "kvp-document" => CgiProcess.Get(_services.Path, KvpQuery + "&ResponseDocument=Result"),
            "post-1.0.0" => CgiProcess.Post(_services.Path, Request("execute-hellopy-1.0.0.xml")),
            _ => CgiProcess.Post(_services.Path, Request("execute-hellopy-2.0.0.xml")),
        };

        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void Without_ResponseDocument_every_output_is_in_the_document()
    {
        var result = CgiProcess.Get(_services.Path, KvpQuery);

        Assert.That(result.Text, Does.Contain("Hello Toto from Python World !"));
    }

    [Test]
    public void A_KVP_value_is_URL_decoded_before_the_service_sees_it()
    {
        var result = CgiProcess.Get(_services.Path,
            "service=WPS&version=1.0.0&request=Execute&identifier=HelloPy&DataInputs=a=J%C3%BCrgen%20%26%20Co&RawDataOutput=Result");

        Assert.That(result.Text, Is.EqualTo("Hello Jürgen & Co from Python World !"));
    }

    private static string Example(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.ZooExamples, name));

    private static string Request(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.ZooExamples, "requests", name));

    private static string Comparable(byte[] raw) => Comparable(Encoding.UTF8.GetString(raw));

    /// <summary>creationTime blanked.</summary>
    private static string Comparable(string document) => CreationTime().Replace(document, "creationTime=\"(any)\"");

    /// <summary>ZOO's <c>DataType</c>/<c>UOM</c> written as the schema's <c>dataType</c>/<c>uom</c>.</summary>
    private static string WithSchemaAttributes(string document) =>
        document
            .Replace("<wps:LiteralData DataType=", "<wps:LiteralData dataType=", StringComparison.Ordinal)
            .Replace("\" UOM=\"", "\" uom=\"", StringComparison.Ordinal);

    [GeneratedRegex("creationTime=\"[^\"]*\"")]
    private static partial Regex CreationTime();
}
