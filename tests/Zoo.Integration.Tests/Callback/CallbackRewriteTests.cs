using System.Text;
using System.Xml.Linq;
using Zoo.Integration.Tests.Async;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Callback;

/// <summary>
/// An input given inline whose format says useMapserver=true is published when the job starts, and step 1 carries the
/// job's Execute request rewritten by cgi-env's updateExecute.xsl: that input is now a reference to its local WFS.
/// </summary>
[TestFixture]
public sealed class CallbackRewriteTests : AsyncFixture
{
    private const string Features =
        """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[2.35,48.85]}}]}""";

    private static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    private readonly CallbackServer _server = new();
    private ReceivedCallback _fetched = null!;

    protected override void Prepare(ServiceDirectory services)
    {
        services.SetConfig("callback", "url", _server.Url);
        services.SetConfig("callback", "template", "updateExecute.xsl");
        services.SetConfig("main", "dataPath", Path.Combine(services.Path, "data"));
        var zcfg = Path.Combine(services.Path, "PublishVector.zcfg");
        var lines = File.ReadAllLines(zcfg).ToList();
        var inputFormat = lines.FindIndex(l => l.Trim() == "mimeType = application/json");
        lines.Insert(inputFormat + 1, "     useMapserver = true");
        File.WriteAllLines(zcfg, lines);
    }

    [OneTimeSetUp]
    public void RunOneJob()
    {
        var request = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <wps:Execute service="WPS" version="2.0.0" response="document" mode="async" {Wps20Namespaces}>
              <ows:Identifier>PublishVector</ows:Identifier>
              {Data20("InputData", "mimeType=\"application/json\"", Features)}
              {Output20("Result", "reference")}
            </wps:Execute>
            """;
        var id = AsyncRequests.JobIdOf(Post(request));
        _fetched = _server.WaitFor(id, "1_1", TimeSpan.FromSeconds(30)).Single(c => c.Step == "1_1");
    }

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    private XElement RewrittenInput() =>
        XDocument.Parse(_fetched["request_execute_content"]!).Root!.Elements(Wps + "Input").Single(i => (string?)i.Attribute("id") == "InputData");

    [Test]
    public void The_inline_input_becomes_a_reference_to_its_local_wfs()
    {
        var href = (string?)RewrittenInput().Element(Wps + "Reference")?.Attribute(Xlink + "href");

        Assert.That(href, Does.StartWith("http://127.0.0.1:8080/cgi-bin/mapserv?map=").And.Contain("&service=WFS&"));
    }

    [Test]
    public void The_rewritten_request_is_a_valid_wps_2_0_execute()
    {
        Assert.That(SchemaValidator.Problems(Encoding.UTF8.GetBytes(_fetched["request_execute_content"]!)), Is.Null);
    }

    [Test]
    public void The_published_input_is_listed_with_its_wfs_link()
    {
        var href = (string?)RewrittenInput().Element(Wps + "Reference")?.Attribute(Xlink + "href");

        Assert.That((string?)_fetched.Body["inputs"]!["InputData"]!["ref_wfs_link"], Is.EqualTo(href));
    }
}
