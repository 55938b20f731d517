using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Execution;

public class OutputMapsTests
{
    private static readonly ProcessDescription Process = ZcfgParser.Parse("""
        [S]
         <DataOutputs>
          [Result]
           <ComplexData>
            <Default>
             mimeType = application/json
             encoding = UTF-8
             extension = json
            </Default>
            <Supported>
             mimeType = text/xml; subtype=gml/3.1.1
             encoding = UTF-8
             schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
             extension = gml
            </Supported>
           </ComplexData>
          [Distance]
           <LiteralData>
            dataType = double
            <Default>
             uom = meter
            </Default>
            <Supported>
             uom = feet
            </Supported>
           </LiteralData>
         </DataOutputs>
        """);

    private static OutputRequest Output(string name, params (string Key, string Value)[] attributes) =>
        new(name, new ConfigValues(attributes.Select(a => KeyValuePair.Create(a.Key, a.Value))));

    private static ExecuteRequest Request(ResponseKind response, params OutputRequest[] outputs) =>
        new("S", [], outputs, response, Lineage: false, StoreExecuteResponse: false, Status: false, ExecutionMode.Sync);

    private static ZooMaps Build(params OutputRequest[] outputs) => OutputMaps.Build(Process, Request(ResponseKind.Document, outputs));

    private static OwsError Error(ResponseKind response, params OutputRequest[] outputs) =>
        Assert.Throws<WpsException>(() => OutputMaps.Build(Process, Request(response, outputs)))!.Errors.Single();

    [Test]
    public void Every_declared_output_has_a_map()
    {
        Assert.That(Build().Select(m => m.Key), Is.EqualTo(new[] { "Result", "Distance" }));
    }

    [Test]
    public void An_output_not_asked_for_has_its_defaults_and_is_not_in_the_request()
    {
        var map = Build()["Result"]!;

        Assert.That(map.Select(p => (p.Key, p.Value.ToString())), Is.EqualTo(new[]
        {
            ("mimeType", "application/json"), ("encoding", "UTF-8"), ("extension", "json"),
        }));
    }

    [Test]
    public void An_output_asked_for_is_in_the_request()
    {
        Assert.That(Build(Output("Result"))["Result"]!.Text("inRequest"), Is.EqualTo("true"));
    }

    [Test]
    public void An_output_is_matched_without_regard_to_case()
    {
        Assert.That(Build(Output("result"))["Result"]!.Text("inRequest"), Is.EqualTo("true"));
    }

    [Test]
    public void The_format_asked_for_chooses_the_block_of_defaults()
    {
        var map = Build(Output("Result", ("mimeType", "text/xml;subtype=gml/3.1.1")))["Result"]!;

        Assert.That((map.Text("schema"), map.Text("extension")), Is.EqualTo(("http://schemas.opengis.net/gml/3.1.1/base/feature.xsd", "gml")));
    }

    [Test]
    public void The_mime_type_asked_for_is_kept_as_asked()
    {
        Assert.That(Build(Output("Result", ("mimeType", "TEXT/XML;subtype=gml/3.1.1")))["Result"]!.Text("mimeType"),
            Is.EqualTo("TEXT/XML;subtype=gml/3.1.1"));
    }

    [Test]
    public void AsReference_true_is_kept()
    {
        Assert.That(Build(Output("Result", ("asReference", "TRUE")))["Result"]!.Text("asReference"), Is.EqualTo("true"));
    }

    [Test]
    public void Transmission_reference_is_asReference_true()
    {
        Assert.That(Build(Output("Result", ("transmission", "reference")))["Result"]!.Text("asReference"), Is.EqualTo("true"));
    }

    [Test]
    public void Transmission_value_is_asReference_false()
    {
        Assert.That(Build(Output("Result", ("transmission", "value")))["Result"]!.Text("asReference"), Is.EqualTo("false"));
    }

    [Test]
    public void Without_asReference_or_transmission_there_is_no_asReference()
    {
        Assert.That(Build(Output("Result"))["Result"]!.Contains("asReference"), Is.False);
    }

    [TestCase("extension")]
    [TestCase("inRequest")]
    public void A_key_the_request_may_not_set_is_never_taken_from_it(string key)
    {
        var map = Build(Output("Distance", (key, "php")))["Distance"]!;

        Assert.That(map.Text(key), Is.Not.EqualTo("php"));
    }

    [Test]
    public void An_unknown_output_is_an_InvalidParameterValue_at_its_name()
    {
        var error = Error(ResponseKind.Document, Output("Nope"));

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InvalidParameterValue", "Nope",
            "The <Nope> argument specified as ResponseDocument identifier was not recognized (not defined in the ZOO Configuration File).")));
    }

    [Test]
    public void An_unknown_raw_output_is_named_as_a_RawDataOutput()
    {
        Assert.That(Error(ResponseKind.Raw, Output("Nope")).Text,
            Is.EqualTo("The <Nope> argument specified as RawDataOutput identifier was not recognized (not defined in the ZOO Configuration File)."));
    }

    [Test]
    public void An_undeclared_mime_type_is_refused_at_the_output()
    {
        var error = Error(ResponseKind.Raw, Output("Result", ("mimeType", "text/html")));

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InvalidParameterValue", "Result",
            "The format mimeType=text/html given for the <Result> output is not one the ZOO ServicesProvider configuration file declares for it.")));
    }

    [Test]
    public void An_undeclared_encoding_is_refused_at_the_output()
    {
        Assert.That(Error(ResponseKind.Document, Output("Result", ("mimeType", "application/json"), ("encoding", "base64"))).Locator,
            Is.EqualTo("Result"));
    }

    [Test]
    public void An_undeclared_schema_is_refused_at_the_output()
    {
        var output = Output("Result", ("mimeType", "text/xml; subtype=gml/3.1.1"), ("schema", "http://evil.example.org/x.xsd"));

        Assert.That(Error(ResponseKind.Document, output).Locator, Is.EqualTo("Result"));
    }

    [Test]
    public void An_undeclared_unit_is_refused_at_the_output()
    {
        var error = Error(ResponseKind.Document, Output("Distance", ("uom", "parsec")));

        Assert.That((error.Locator, error.Text), Is.EqualTo(("Distance",
            "The unit of measure <parsec> of the <Distance> output is not one the ZOO ServicesProvider configuration file declares for it.")));
    }

    [Test]
    public void A_declared_unit_is_kept()
    {
        Assert.That(Build(Output("Distance", ("uom", "feet")))["Distance"]!.Text("uom"), Is.EqualTo("feet"));
    }

    /// <summary>The mime type an output's map would carry into a raw answer's Content-Type, or null when the request is refused.</summary>
    private static string? MimeTypeReaching(string output, string mimeType)
    {
        try
        {
            return Build(Output(output, ("mimeType", mimeType)))[output]!.Text("mimeType");
        }
        catch (WpsException)
        {
            return null;
        }
    }

    [Test]
    public void A_mime_type_asked_for_a_literal_output_never_reaches_its_map()
    {
        // RawDataOutput=Result@mimeType=text/html of a literal that echoes an input would answer the client's own page.
        Assert.That(MimeTypeReaching("Distance", "text/html"), Is.Not.EqualTo("text/html"));
    }
}
