using System.Text;
using System.Xml.Linq;
using Zoo.Core.Callback;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Callback;

public class ExecuteDocumentTests
{
    private const string Usid = "8c1d2f3a-0b4e-11f0-9a6b-0242ac120002";

    private static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/2.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    /// <summary>A service with a complex input (GML, or PNG in base64), a literal, a bounding box, and a reference.</summary>
    private static readonly DeclaredInputs Declared = DeclaredInputs.Of(ZcfgParser.Parse("""
        [Clip]
         Title = Clip
         serviceType = Python
         serviceProvider = clip
         <DataInputs>
          [Shape]
           maxOccurs = 2
           <ComplexData>
            <Default>
             mimeType = text/xml
            </Default>
            <Supported>
             mimeType = image/png
             encoding = base64
            </Supported>
           </ComplexData>
          [Distance]
           <LiteralData>
            dataType = double
            <Default />
           </LiteralData>
          [Area]
           <BoundingBoxData>
            <Default>
             CRS = EPSG:4326
            </Default>
           </BoundingBoxData>
          [Raster]
           <ComplexData>
            <Default>
             mimeType = image/tiff
            </Default>
           </ComplexData>
         </DataInputs>
         <DataOutputs>
          [Result]
           <ComplexData>
            <Default>
             mimeType = application/json
            </Default>
           </ComplexData>
         </DataOutputs>
        """));

    private TempDirectory _tmp = null!;

    [SetUp]
    public void CreateTmpPath() => _tmp = new TempDirectory();

    [TearDown]
    public void RemoveTmpPath() => _tmp.Dispose();

    private static ExecuteRequest Kvp(params (string Name, string Value)[] parameters) =>
        KvpExecuteReader.Read(new ConfigValues(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))), "Clip", Limits.Defaults);

    private ExecuteRequest Xml20(string content, string attributes = "") =>
        XmlExecuteReader.Read(Encoding.UTF8.GetBytes($"""
            <wps:Execute xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0"
                xmlns:xlink="http://www.w3.org/1999/xlink" service="WPS" version="2.0.0" {attributes}>
              <ows:Identifier>Clip</ows:Identifier>
            {content}
            </wps:Execute>
            """), WpsVersion.V200, "Clip", Declared.Find, new InputFiles(_tmp.Path, Usid, Limits.Defaults));

    private ExecuteRequest Xml10(string inputs) =>
        XmlExecuteReader.Read(Encoding.UTF8.GetBytes($"""
            <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0"
                xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink">
              <ows:Identifier>Clip</ows:Identifier>
              <wps:DataInputs>{inputs}</wps:DataInputs>
            </wps:Execute>
            """), WpsVersion.V100, "Clip", Declared.Find, new InputFiles(_tmp.Path, Usid, Limits.Defaults));

    private static string Build(ExecuteRequest request) => ExecuteDocument.Build(request, ["Result", "Log"], Limits.Defaults);

    private static XElement Input(string document, string id) =>
        XDocument.Parse(document).Root!.Elements(Wps + "Input").Single(i => (string?)i.Attribute("id") == id);

    private const string GmlInput = """
        <wps:Input id="Shape"><wps:Data mimeType="text/xml">
          <gml:Polygon xmlns:gml="http://www.opengis.net/gml" srsName="EPSG:4326"><gml:exterior>0 0 1 1</gml:exterior></gml:Polygon>
        </wps:Data></wps:Input>
        """;

    private const string MixedRequest = GmlInput + """
        <wps:Input id="Shape"><wps:Data mimeType="image/png" encoding="base64">iVBORw0KGgo=</wps:Data></wps:Input>
        <wps:Input id="Distance"><wps:Data><wps:LiteralValue dataType="double" uom="meters">2.5</wps:LiteralValue></wps:Data></wps:Input>
        <wps:Input id="Area"><wps:Data><ows:BoundingBox crs="EPSG:4326" dimensions="2">
          <ows:LowerCorner>43.5 3.8</ows:LowerCorner><ows:UpperCorner>43.7 4.0</ows:UpperCorner>
        </ows:BoundingBox></wps:Data></wps:Input>
        <wps:Input id="Raster"><wps:Reference xlink:href="http://data.example/dem.tif" mimeType="image/tiff"/></wps:Input>
        <wps:Output id="Result" transmission="reference" mimeType="application/json"/>
        """;

    // ---- a 1.0.0 key=value request

    [Test]
    public void A_1_0_0_key_value_request_becomes_a_2_0_0_Execute_with_its_inputs_outputs_and_mode()
    {
        var document = Build(Kvp(
            ("DataInputs", "Raster=@xlink:href=http://data.example/dem.tif@mimeType=image/tiff;Distance=2.5@uom=meters"),
            ("ResponseDocument", "Result@asReference=true@mimeType=application/json"),
            ("storeExecuteResponse", "true"),
            ("status", "true")));

        Assert.That(document, Is.EqualTo("""
            <?xml version="1.0" encoding="UTF-8"?>
            <wps:Execute xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/2.0 http://schemas.opengis.net/wps/2.0/wps.xsd" service="WPS" version="2.0.0" response="document" mode="async">
              <ows:Identifier>Clip</ows:Identifier>
              <wps:Input id="Raster">
                <wps:Reference xlink:href="http://data.example/dem.tif" mimeType="image/tiff"/>
              </wps:Input>
              <wps:Input id="Distance">
                <wps:Data>
                  <wps:LiteralValue uom="meters">2.5</wps:LiteralValue>
                </wps:Data>
              </wps:Input>
              <wps:Output id="Result" mimeType="application/json" transmission="reference"/>
            </wps:Execute>

            """));
    }

    [Test]
    public void A_1_0_0_key_value_request_gives_a_valid_2_0_0_Execute()
    {
        var document = Build(Kvp(
            ("DataInputs", "Raster=@xlink:href=http://data.example/dem.tif@mimeType=image/tiff;Distance=2.5;Shape=<a>1</a>@mimeType=text/xml"),
            ("RawDataOutput", "Result@mimeType=application/json")));

        SchemaValidator.AssertValid(document);
    }

    [Test]
    public void A_raw_synchronous_1_0_0_request_asks_for_a_raw_synchronous_execution()
    {
        var root = XDocument.Parse(Build(Kvp(("DataInputs", "Distance=1"), ("RawDataOutput", "Result")))).Root!;

        Assert.That(((string?)root.Attribute("response"), (string?)root.Attribute("mode")), Is.EqualTo(("raw", "sync")));
    }

    [Test]
    public void Key_value_text_of_an_XML_mime_type_is_embedded_as_XML()
    {
        var data = Input(Build(Kvp(("DataInputs", "Shape=<a>1</a>@mimeType=text/xml"))), "Shape").Element(Wps + "Data")!;

        Assert.That(data.Elements().Single().ToString(), Is.EqualTo("<a>1</a>"));
    }

    [Test]
    public void Key_value_text_that_is_not_well_formed_stays_text()
    {
        var data = Input(Build(Kvp(("DataInputs", "Shape=<a>1@mimeType=text/xml"))), "Shape").Element(Wps + "Data")!;

        Assert.That((data.Elements().Count(), data.Value), Is.EqualTo((0, "<a>1")));
    }

    [Test]
    public void Key_value_base64_text_is_kept_as_the_client_gave_it()
    {
        var data = Input(Build(Kvp(("DataInputs", "Shape=iVBORw0KGgo=@mimeType=image/png@encoding=base64"))), "Shape").Element(Wps + "Data")!;

        Assert.That(data.Value, Is.EqualTo("iVBORw0KGgo="));
    }

    [Test]
    public void A_key_value_literal_without_type_or_unit_is_the_text_of_its_Data()
    {
        var data = Input(Build(Kvp(("DataInputs", "Distance=2.5"))), "Distance").Element(Wps + "Data")!;

        Assert.That((data.Elements().Count(), data.Value), Is.EqualTo((0, "2.5")));
    }

    // ---- a 1.0.0 XML request

    [Test]
    public void A_1_0_0_XML_request_with_inline_XML_gives_a_valid_2_0_0_Execute()
    {
        var document = Build(Xml10("""
            <wps:Input><ows:Identifier>Shape</ows:Identifier><wps:Data><wps:ComplexData mimeType="text/xml">
              <gml:Point xmlns:gml="http://www.opengis.net/gml"><gml:pos>1 2</gml:pos></gml:Point>
            </wps:ComplexData></wps:Data></wps:Input>
            """));

        SchemaValidator.AssertValid(document);
    }

    // ---- a 2.0.0 XML request

    [Test]
    public void A_2_0_0_request_with_XML_base64_a_literal_a_bounding_box_and_a_reference_gives_a_valid_Execute()
    {
        SchemaValidator.AssertValid(Build(Xml20(MixedRequest, "mode=\"async\" response=\"document\"")));
    }

    [Test]
    public void A_2_0_0_reader_reads_base64_data_back_as_the_same_bytes()
    {
        using var again = new TempDirectory();
        var document = Build(Xml20("""<wps:Input id="Shape"><wps:Data mimeType="image/png" encoding="base64">iVBORw0KGgo=</wps:Data></wps:Input>"""));

        var reread = XmlExecuteReader.Read(Encoding.UTF8.GetBytes(document), WpsVersion.V200, "Clip", Declared.Find,
            new InputFiles(again.Path, Usid, Limits.Defaults));

        Assert.That(File.ReadAllBytes(reread.Inputs.Single().Data!.Path), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
    }

    [Test]
    public void Inline_XML_is_embedded_as_the_client_gave_it()
    {
        var data = Input(Build(Xml20(GmlInput)), "Shape").Element(Wps + "Data")!;

        Assert.That(data.Elements().Single().ToString(SaveOptions.DisableFormatting), Is.EqualTo(
            """<gml:Polygon xmlns:gml="http://www.opengis.net/gml" srsName="EPSG:4326"><gml:exterior>0 0 1 1</gml:exterior></gml:Polygon>"""));
    }

    [Test]
    public void Inline_XML_keeps_its_mime_type()
    {
        var data = Input(Build(Xml20(GmlInput)), "Shape").Element(Wps + "Data")!;

        Assert.That((string?)data.Attribute("mimeType"), Is.EqualTo("text/xml"));
    }

    [Test]
    public void Base64_data_is_written_back_in_base64_with_its_encoding()
    {
        var data = Input(Build(Xml20("""
            <wps:Input id="Shape"><wps:Data mimeType="image/png" encoding="base64">iVBO
              Rw0KGgo=</wps:Data></wps:Input>
            """)), "Shape").Element(Wps + "Data")!;

        Assert.That(((string?)data.Attribute("encoding"), data.Value), Is.EqualTo(("base64", "iVBORw0KGgo=")));
    }

    [Test]
    public void A_literal_value_keeps_its_data_type_and_unit()
    {
        var value = Input(Build(Xml20(MixedRequest)), "Distance").Element(Wps + "Data")!.Element(Wps + "LiteralValue")!;

        Assert.That(((string?)value.Attribute("dataType"), (string?)value.Attribute("uom"), value.Value), Is.EqualTo(("double", "meters", "2.5")));
    }

    [Test]
    public void A_bounding_box_is_an_ows_BoundingBox_in_its_Data()
    {
        var box = Input(Build(Xml20(MixedRequest)), "Area").Element(Wps + "Data")!.Element(Ows + "BoundingBox")!;

        Assert.That(
            ((string?)box.Attribute("crs"), (string?)box.Attribute("dimensions"), box.Element(Ows + "LowerCorner")!.Value, box.Element(Ows + "UpperCorner")!.Value),
            Is.EqualTo(("EPSG:4326", "2", "43.5 3.8", "43.7 4.0")));
    }

    [Test]
    public void A_reference_keeps_its_href_and_mime_type()
    {
        var reference = Input(Build(Xml20(MixedRequest)), "Raster").Element(Wps + "Reference")!;

        Assert.That(((string?)reference.Attribute(Xlink + "href"), (string?)reference.Attribute("mimeType")),
            Is.EqualTo(("http://data.example/dem.tif", "image/tiff")));
    }

    private const string PostReference = """
        <wps:Input><ows:Identifier>Raster</ows:Identifier>
          <wps:Reference xlink:href="http://data.example/wcs" method="POST">
            <wps:Header key="Authorization" value="Bearer secret"/>
            <wps:Body><GetCoverage xmlns="http://www.opengis.net/wcs/2.0"/></wps:Body>
          </wps:Reference></wps:Input>
        """;

    [Test]
    public void The_XML_body_of_a_reference_stays_XML()
    {
        var body = Input(Build(Xml10(PostReference)), "Raster").Element(Wps + "Reference")!.Element(Wps + "Body")!;

        Assert.That(body.Elements().Single().Name, Is.EqualTo(XName.Get("GetCoverage", "http://www.opengis.net/wcs/2.0")));
    }

    [Test]
    public void The_headers_of_a_reference_are_left_out()
    {
        Assert.That(Build(Xml10(PostReference)), Does.Not.Contain("secret"));
    }

    [Test]
    public void The_values_of_a_multi_valued_input_stay_in_order()
    {
        var document = Build(Xml20(MixedRequest));

        Assert.That(XDocument.Parse(document).Root!.Elements(Wps + "Input").Select(i => (string?)i.Attribute("id")),
            Is.EqualTo(new[] { "Shape", "Shape", "Distance", "Area", "Raster" }));
    }

    [Test]
    public void An_output_asked_by_value_is_transmitted_by_value()
    {
        var output = XDocument.Parse(Build(Xml20("""<wps:Output id="Result" transmission="value"/>"""))).Root!.Element(Wps + "Output")!;

        Assert.That((string?)output.Attribute("transmission"), Is.EqualTo("value"));
    }

    [Test]
    public void Without_outputs_in_the_request_every_output_of_the_process_is_asked_by_value()
    {
        var outputs = XDocument.Parse(Build(Xml10(""))).Root!.Elements(Wps + "Output");

        Assert.That(outputs.Select(o => ((string?)o.Attribute("id"), (string?)o.Attribute("transmission"))),
            Is.EqualTo(new[] { ("Result", "value"), ("Log", "value") }));
    }

    [Test]
    public void An_input_file_that_is_gone_is_an_IOException()
    {
        var request = Xml20(GmlInput);
        File.Delete(request.Inputs[0].Data!.Path);

        Assert.Throws<FileNotFoundException>(() => Build(request));
    }
}
