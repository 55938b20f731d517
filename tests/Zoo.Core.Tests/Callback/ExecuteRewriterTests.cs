using System.Xml.Linq;
using Zoo.Core.Callback;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Callback;

public class ExecuteRewriterTests
{
    private static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Request = """
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" service="WPS" version="2.0.0" response="document" mode="async">
          <ows:Identifier>Clip</ows:Identifier>
          <wps:Input id="Shape">
            <wps:Data mimeType="text/xml" schema="http://schemas.opengis.net/gml/3.1.1/base/feature.xsd">
              <gml:Point xmlns:gml="http://www.opengis.net/gml"><gml:pos>1 2</gml:pos></gml:Point>
            </wps:Data>
          </wps:Input>
          <wps:Input id="Shape">
            <wps:Data mimeType="image/png" encoding="base64">iVBORw0KGgo=</wps:Data>
          </wps:Input>
          <wps:Input id="Distance">
            <wps:Data>
              <wps:LiteralValue uom="meters">2.5</wps:LiteralValue>
            </wps:Data>
          </wps:Input>
          <wps:Input id="Raster">
            <wps:Reference xlink:href="http://data.example/dem.tif" mimeType="image/tiff"/>
          </wps:Input>
          <wps:Output id="Result" transmission="reference"/>
        </wps:Execute>
        """;

    private const string WfsUrl = "http://localhost/cgi-bin/mapserv?map=/tmp/Shape.map&SERVICE=WFS&REQUEST=GetFeature&typeName=Shape";

    private static ExecuteRewriter Shipped() => new(Path.Combine(RepositoryRoot.CgiEnv, "updateExecute.xsl"), Timeout);

    private static Task<string> Rewrite(params PublishedInput[] inputs) =>
        Shipped().RewriteAsync(Request, inputs, CancellationToken.None);

    private static XElement[] Inputs(string document, string id) =>
        XDocument.Parse(document).Root!.Elements(Wps + "Input").Where(i => (string?)i.Attribute("id") == id).ToArray();

    [Test]
    public async Task A_published_inline_input_becomes_a_reference_to_its_URL()
    {
        var input = Inputs(await Rewrite(new PublishedInput("Shape", 0, WfsUrl)), "Shape")[0];

        Assert.That((string?)input.Element(Wps + "Reference")?.Attribute(Xlink + "href"), Is.EqualTo(WfsUrl));
    }

    [Test]
    public async Task The_reference_holds_nothing_but_the_reference()
    {
        var input = Inputs(await Rewrite(new PublishedInput("Shape", 0, WfsUrl)), "Shape")[0];

        Assert.That(input.Elements().Select(e => e.Name), Is.EqualTo(new[] { Wps + "Reference" }));
    }

    [Test]
    public async Task The_reference_keeps_the_mime_type_and_schema_of_the_inline_data()
    {
        var reference = Inputs(await Rewrite(new PublishedInput("Shape", 0, WfsUrl)), "Shape")[0].Element(Wps + "Reference")!;

        Assert.That(((string?)reference.Attribute("mimeType"), (string?)reference.Attribute("schema")),
            Is.EqualTo(("text/xml", "http://schemas.opengis.net/gml/3.1.1/base/feature.xsd")));
    }

    [Test]
    public async Task The_reference_does_not_say_base64_for_data_the_service_serves_as_bytes()
    {
        var reference = Inputs(await Rewrite(new PublishedInput("Shape", 1, WfsUrl)), "Shape")[1].Element(Wps + "Reference")!;

        Assert.That(reference.Attributes().Select(a => a.Name.LocalName), Is.EqualTo(new[] { "href", "mimeType" }));
    }

    [Test]
    public async Task Other_inputs_and_the_outputs_are_left_as_they_were()
    {
        var before = XDocument.Parse(Request).Root!;
        var after = XDocument.Parse(await Rewrite(new PublishedInput("Shape", 0, WfsUrl))).Root!;

        Assert.That(after.Elements().Skip(2).Select(e => e.ToString()), Is.EqualTo(before.Elements().Skip(2).Select(e => e.ToString())));
    }

    [Test]
    public async Task The_rewritten_request_is_a_valid_WPS_2_0_0_Execute()
    {
        SchemaValidator.AssertValid(await Rewrite(new PublishedInput("Shape", 0, WfsUrl), new PublishedInput("Shape", 1, "http://localhost/wcs")));
    }

    [Test]
    public async Task A_URL_with_quotes_and_an_ampersand_survives_intact()
    {
        const string url = "http://localhost/ows?filter=name='a \"b\"'&x=1";

        var input = Inputs(await Rewrite(new PublishedInput("Shape", 0, url)), "Shape")[0];

        Assert.That((string?)input.Element(Wps + "Reference")?.Attribute(Xlink + "href"), Is.EqualTo(url));
    }

    [Test]
    public async Task Only_the_second_value_of_a_multi_valued_input_is_replaced_when_it_is_the_one_published()
    {
        var inputs = Inputs(await Rewrite(new PublishedInput("Shape", 1, "http://localhost/wcs")), "Shape");

        Assert.That(inputs.Select(i => i.Elements().Single().Name.LocalName), Is.EqualTo(new[] { "Data", "Reference" }));
    }

    [Test]
    public async Task Each_published_value_gets_its_own_URL()
    {
        var inputs = Inputs(await Rewrite(new PublishedInput("Shape", 0, "http://localhost/wfs"), new PublishedInput("Shape", 1, "http://localhost/wcs")), "Shape");

        Assert.That(inputs.Select(i => (string?)i.Element(Wps + "Reference")?.Attribute(Xlink + "href")),
            Is.EqualTo(new[] { "http://localhost/wfs", "http://localhost/wcs" }));
    }

    [Test]
    public async Task Without_published_inputs_the_request_is_returned_as_it_is()
    {
        Assert.That(await Rewrite(), Is.SameAs(Request));
    }

    [Test]
    public async Task A_stylesheet_that_runs_past_the_timeout_is_stopped_with_an_exception_that_says_so()
    {
        using var tmp = new TempDirectory();
        var endless = tmp.Write("endless.xsl", """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/">
                <xsl:call-template name="twice"><xsl:with-param name="n" select="60"/></xsl:call-template>
              </xsl:template>
              <xsl:template name="twice">
                <xsl:param name="n"/>
                <xsl:if test="$n &gt; 0">
                  <xsl:call-template name="twice"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
                  <xsl:call-template name="twice"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
                </xsl:if>
              </xsl:template>
            </xsl:stylesheet>
            """);
        var rewriter = new ExecuteRewriter(endless, TimeSpan.FromMilliseconds(500));

        var error = (await Assert.ThrowsAsync<ExecuteRewriteException>(() => rewriter.RewriteAsync(Request, [new PublishedInput("Shape", 0, WfsUrl)], CancellationToken.None)))!;

        Assert.That(error.Message, Does.Contain("did not finish within 0.5 seconds"));
    }

    [Test]
    public async Task A_failing_stylesheet_gives_an_exception_with_what_xsltproc_said()
    {
        using var tmp = new TempDirectory();
        var failing = tmp.Write("failing.xsl", """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/"><xsl:message terminate="yes">no rewrite today</xsl:message></xsl:template>
            </xsl:stylesheet>
            """);
        var rewriter = new ExecuteRewriter(failing, Timeout);

        var error = (await Assert.ThrowsAsync<ExecuteRewriteException>(() => rewriter.RewriteAsync(Request, [new PublishedInput("Shape", 0, WfsUrl)], CancellationToken.None)))!;

        Assert.That(error.Message, Does.Contain("no rewrite today"));
    }

    [Test]
    public async Task A_request_that_is_not_XML_gives_an_exception()
    {
        var error = (await Assert.ThrowsAsync<ExecuteRewriteException>(() => Shipped().RewriteAsync("<wps:Execute", [new PublishedInput("Shape", 0, WfsUrl)], CancellationToken.None)))!;

        Assert.That(error.Message, Does.StartWith("xsltproc failed with"));
    }
}
