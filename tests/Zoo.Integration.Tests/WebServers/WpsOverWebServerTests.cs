using System.Net;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.WebServers;

/// <summary>
/// WPS through each web server serve.sh deploys (nginx + fcgiwrap, Apache + mod_cgid): the documents stay valid, request
/// bodies reach the kernel, and the kernel's Status and Content-Type headers reach the client.
/// </summary>
[TestFixture("nginx")]
[TestFixture("apache")]
public sealed class WpsOverWebServerTests(string server)
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";

    private ServedCopy _served = null!;

    [OneTimeSetUp]
    public void Serve() => _served = ServedCopy.Start(server);

    [OneTimeTearDown]
    public void Stop() => _served?.Dispose();

    [TestCase("version=1.0.0")]
    [TestCase("AcceptVersions=2.0.0")]
    public void GetCapabilities_is_schema_valid(string version)
    {
        var answer = _served.Kvp("service=WPS&request=GetCapabilities&" + version);

        Assert.That(SchemaValidator.Problems(answer.Body), Is.Null, answer.ToString());
    }

    [TestCase("1.0.0")]
    [TestCase("2.0.0")]
    public void DescribeProcess_is_schema_valid(string version)
    {
        var answer = _served.Kvp($"service=WPS&request=DescribeProcess&version={version}&Identifier=HelloPy,LongProcess");

        Assert.That(SchemaValidator.Problems(answer.Body), Is.Null, answer.ToString());
    }

    [Test]
    public void A_synchronous_KVP_Execute_answers_the_result()
    {
        var answer = _served.Kvp(Kvp("HelloPy", "a=Toto", "&ResponseDocument=Result"));

        Assert.That(XDocument.Parse(answer.Text).Descendants(Wps10 + "LiteralData").Select(e => e.Value),
            Is.EqualTo(new[] { "Hello Toto from Python World !" }), answer.ToString());
    }

    [Test]
    public void A_synchronous_Execute_POSTed_as_XML_answers_the_result()
    {
        var answer = _served.PostXml(Xml20("HelloPy", Data20("a", "", "Toto"), Output20("Result")));

        Assert.That(XDocument.Parse(answer.Text).Descendants(Wps20 + "Data").Select(e => e.Value),
            Is.EqualTo(new[] { "Hello Toto from Python World !" }), answer.ToString());
    }

    [Test]
    public void A_raw_output_comes_with_the_Content_Type_of_its_format()
    {
        var answer = _served.Kvp(Kvp("demo.WordCount", "text=" + Q("one two three"), "&RawDataOutput=Summary"));

        Assert.That((answer.Status, answer.MediaType), Is.EqualTo((HttpStatusCode.OK, "application/json")), answer.ToString());
    }

    [Test]
    public void A_raw_output_is_the_data_itself()
    {
        var answer = _served.Kvp(Kvp("HelloPy", "a=Toto", "&RawDataOutput=Result"));

        Assert.That(answer.Text, Is.EqualTo("Hello Toto from Python World !"));
    }

    [Test]
    public void An_ExceptionReport_for_a_missing_parameter_comes_with_HTTP_400()
    {
        var answer = _served.Kvp("service=WPS&request=DescribeProcess&version=1.0.0");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
    }

    [Test]
    public void An_ExceptionReport_for_a_missing_parameter_names_it()
    {
        var answer = _served.Kvp("service=WPS&request=DescribeProcess&version=1.0.0");

        var exception = XDocument.Parse(answer.Text).Descendants(Ows11 + "Exception").Single();
        Assert.That((exception.Attribute("exceptionCode")?.Value, exception.Attribute("locator")?.Value),
            Is.EqualTo(("MissingParameterValue", "identifier")), answer.ToString());
    }

    [Test]
    public void FinalizeHPC_cgi_describes_FinalizeHPC1()
    {
        var answer = _served.Get(_served.Root + "/cgi-bin/FinalizeHPC.cgi?service=WPS&version=1.0.0&request=DescribeProcess&Identifier=FinalizeHPC1");

        Assert.That(XDocument.Parse(answer.Text).Descendants(Ows11 + "Identifier").Select(e => e.Value).FirstOrDefault(),
            Is.EqualTo("FinalizeHPC1"), answer.ToString());
    }

    [Test]
    public void FinalizeHPC_cgi_answers_the_job_footer_call_for_an_unknown_job_with_an_ExceptionReport()
    {
        var answer = _served.Get(_served.Root
            + "/cgi-bin/FinalizeHPC.cgi?service=WPS&version=1.0.0&request=Execute&Identifier=FinalizeHPC1&DataInputs=JobId=" + Guid.NewGuid());

        Assert.That(XDocument.Parse(answer.Text).Root!.Name, Is.EqualTo(Ows11 + "ExceptionReport"), answer.ToString());
    }

    [Test]
    public void Files_of_cgi_bin_other_than_the_CGIs_are_not_served()
    {
        var answer = _served.Get(_served.Root + "/cgi-bin/main.cfg");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
