using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.OgcApi.Execution;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Execution;

public class ResultsDocumentTests
{
    private static IoDescription Declared(string name, DataKind kind, params (string Key, string Value)[] defaults) =>
        new(name, ConfigValues.Empty, [], [], new DataDescription(kind, kind.ToString(),
            new ConfigValues(defaults.Select(d => KeyValuePair.Create(d.Key, d.Value))), []), []);

    private static ProducedOutput Output(IoDescription declaration, string? url, params (string Key, string Value)[] map) =>
        new(declaration, new ZooMap(map.Select(m => KeyValuePair.Create(m.Key, m.Value))), url);

    private static string Json(params ProducedOutput[] outputs) => JsonText.Of(ResultsDocument.Build(outputs));

    [Test]
    public void A_string_literal_is_a_bare_string() =>
        Assert.That(Json(Output(Declared("a", DataKind.Literal, ("dataType", "string")), null, ("value", "teststring"))),
            Is.EqualTo("""{"a":"teststring"}"""));

    [Test]
    public void An_integer_literal_is_a_number() =>
        Assert.That(Json(Output(Declared("n", DataKind.Literal, ("dataType", "integer")), null, ("value", "42"))),
            Is.EqualTo("""{"n":42}"""));

    [Test]
    public void A_boolean_literal_is_a_boolean() =>
        Assert.That(Json(Output(Declared("f", DataKind.Literal, ("dataType", "boolean")), null, ("value", "true"))),
            Is.EqualTo("""{"f":true}"""));

    [Test]
    public void A_literal_without_a_type_is_a_qualified_value() =>
        Assert.That(Json(Output(Declared("a", DataKind.Literal), null, ("value", "x"))), Is.EqualTo("""{"a":{"value":"x"}}"""));

    [Test]
    public void A_bounding_box_gives_its_numbers_and_crs() =>
        Assert.That(Json(Output(Declared("c", DataKind.BoundingBox), null, ("value", "1,2,3,4"), ("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"))),
            Is.EqualTo("""{"c":{"bbox":[1,2,3,4],"crs":"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}"""));

    [Test]
    public void Json_data_is_embedded_parsed() =>
        Assert.That(Json(Output(Declared("b", DataKind.Complex), null, ("value", """{"x":1}"""), ("mimeType", "application/json"))),
            Is.EqualTo("""{"b":{"value":{"x":1},"format":{"mediaType":"application/json"}}}"""));

    [Test]
    public void Xml_data_is_embedded_as_text() =>
        Assert.That(Json(Output(Declared("b", DataKind.Complex), null, ("value", "<a>x</a>"), ("mimeType", "text/xml"))),
            Is.EqualTo("""{"b":{"value":"<a>x</a>","format":{"mediaType":"text/xml"}}}"""));

    [Test]
    public void Binary_data_is_base64()
    {
        var output = new ProducedOutput(Declared("e", DataKind.Complex), new ZooMap([KeyValuePair.Create("mimeType", "image/tiff")])
        {
            ["value"] = new BytesValue([0x49, 0x49, 0x2a, 0x00]),
        }, null);

        Assert.That(Json(output), Is.EqualTo("""{"e":{"value":"SUkqAA==","format":{"mediaType":"image/tiff","encoding":"base64"}}}"""));
    }

    [Test]
    public void An_output_by_reference_is_a_link() =>
        Assert.That(Json(Output(Declared("b", DataKind.Complex), "http://h/temp/b.xml", ("mimeType", "text/xml"))),
            Is.EqualTo("""{"b":{"href":"http://h/temp/b.xml","type":"text/xml"}}"""));

    [Test]
    public void An_output_published_with_inner_outputs_links_to_the_first_and_names_each()
    {
        var download = Output(InnerOutputs.Link("download_link"), "http://h/d.tif", ("mimeType", "image/tiff"));
        var wms = Output(InnerOutputs.Link("wms_link"), "http://h/wms", ("mimeType", "image/png"));
        var output = new ProducedOutput(InnerOutputs.Out, new ZooMap([new("mimeType", "image/tiff")]), null) { Inner = [download, wms] };

        var document = ResultsDocument.Build([output]);

        Assert.That(document.Select(e => (e.Key, e.Value?["href"]?.GetValue<string>())), Is.EqualTo(new[]
        {
            ("out", (string?)"http://h/d.tif"), ("out.download_link", "http://h/d.tif"), ("out.wms_link", "http://h/wms"),
        }));
    }
}
