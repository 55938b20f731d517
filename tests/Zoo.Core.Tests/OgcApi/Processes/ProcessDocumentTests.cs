using System.Text.Json.Nodes;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.OgcApi.Processes;

namespace Zoo.Core.Tests.OgcApi.Processes;

/// <summary>The summary and the description of a process (spec/ogcapi.md §3.4, §3.5), from .zcfg text, against JSON written by hand.</summary>
public class ProcessDocumentTests
{
    private const string Link = """[{"rel":"self","href":"http://localhost/ogc-api/processes/S"}]""";

    private static JsonArray Links() => (JsonArray)JsonNode.Parse(Link)!;

    private static JsonObject Summary(string zcfg, string id = "S") => ProcessDocument.Summary(ZcfgParser.Parse(zcfg), id, Links());

    private static JsonObject Describe(string zcfg, string id = "S") => ProcessDocument.Description(ZcfgParser.Parse(zcfg), id, Links());

    private static JsonNode? Input(string dataBlock, string keys = "minOccurs = 1\n   maxOccurs = 1") =>
        Describe($"[S]\n <DataInputs>\n  [in]\n   Title = In\n   {keys}\n{dataBlock}\n </DataInputs>\n")["inputs"]!["in"];

    private static JsonNode? InputSchema(string dataBlock) => Input(dataBlock)!["schema"];

    public const string Echo = """
        [Echo]
         Title = Echo a message.
         Abstract = Returns the message given as input.
         processVersion = 1
         storeSupported = true
         statusSupported = true
         serviceType = Python
         serviceProvider = tests_service
         keywords = echo, test
         <MetaData>
          title = Namespace samples
          href = https://example.org/zookernel/processes/ogc.tests.Echo
          role = https://example.org/zookernel/roles/documentation
         </MetaData>
         <AdditionalParameters>
          role = https://example.org/zookernel/roles/process-hints
          namespace = ogc.tests
          languages = python3,stdlib
         </AdditionalParameters>
         <DataInputs>
          [message]
           Title = Message
           Abstract = The text to echo.
           minOccurs = 1
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [Result]
           Title = Echoed message
           Abstract = The input message, unchanged.
           <AdditionalParameters>
            role = https://example.org/zookernel/roles/output-hints
            sameAs = message
           </AdditionalParameters>
           <LiteralOutput>
            dataType = string
            <Default />
           </LiteralOutput>
         </DataOutputs>
        """;

    private const string EchoSummary = """
        {"id":"ogc.tests.Echo","title":"Echo a message.","description":"Returns the message given as input.",
         "mutable":false,"version":"1.0.0","keywords":["echo","test"],
         "metadata":[{"title":"Namespace samples","role":"https://example.org/zookernel/roles/documentation",
                      "href":"https://example.org/zookernel/processes/ogc.tests.Echo"}],
         "additionalParameters":{"role":"https://example.org/zookernel/roles/process-hints",
           "parameters":[{"name":"namespace","value":["ogc.tests"]},{"name":"languages","value":["python3","stdlib"]}]},
         "jobControlOptions":["sync-execute","async-execute","dismiss"],
         "outputTransmission":["value","reference"],
         "links":[{"rel":"self","href":"http://localhost/ogc-api/processes/S"}]}
        """;

    [Test]
    public void A_summary_holds_the_header_of_the_zcfg()
    {
        JsonAssert.AreEqual(EchoSummary, Summary(Echo, "ogc.tests.Echo"));
    }

    [Test]
    public void A_description_is_the_summary_with_inputs_and_outputs()
    {
        var expected = JsonNode.Parse(EchoSummary)!.AsObject();
        expected["inputs"] = JsonNode.Parse("""
            {"message":{"title":"Message","description":"The text to echo.","schema":{"type":"string"}}}
            """);
        expected["outputs"] = JsonNode.Parse("""
            {"Result":{"title":"Echoed message","description":"The input message, unchanged.",
              "additionalParameters":{"role":"https://example.org/zookernel/roles/output-hints",
                "parameters":[{"name":"sameAs","value":["message"]}]},
              "schema":{"type":"string"}}}
            """);

        JsonAssert.AreEqual(expected.ToJsonString(), Describe(Echo, "ogc.tests.Echo"));
    }

    [Test]
    public void The_members_keep_ZOO_s_order()
    {
        Assert.That(Describe(Echo).Select(p => p.Key), Is.EqualTo(new[]
        {
            "id", "title", "description", "mutable", "version", "keywords", "metadata", "additionalParameters",
            "jobControlOptions", "outputTransmission", "links", "inputs", "outputs",
        }));
    }

    [TestCase("processVersion = 2", "2.0.0")]
    [TestCase("processVersion = 1.2.0", "1.2.0")]
    [TestCase("Title = t", "1.0.0")]
    public void The_version_is_the_one_WPS_2_0_gives(string keys, string version)
    {
        Assert.That(Summary($"[S]\n {keys}\n")["version"]!.GetValue<string>(), Is.EqualTo(version));
    }

    [Test]
    public void Job_control_options_are_the_zcfg_s_words()
    {
        JsonAssert.AreEqual("""["async-execute","dismiss"]""", Summary("[S]\n jobControlOptions = async-execute dismiss\n")["jobControlOptions"]);
    }

    [Test]
    public void Output_transmission_is_the_zcfg_s_words()
    {
        JsonAssert.AreEqual("""["reference"]""", Summary("[S]\n outputTransmission = reference\n")["outputTransmission"]);
    }

    [TestCase("mutable = true", true)]
    [TestCase("mutable = false", false)]
    [TestCase("Title = t", false)]
    public void A_process_is_mutable_only_when_its_zcfg_says_so(string keys, bool mutable)
    {
        Assert.That(Summary($"[S]\n {keys}\n")["mutable"]!.GetValue<bool>(), Is.EqualTo(mutable));
    }

    [Test]
    public void A_process_without_metadata_has_no_metadata_members()
    {
        JsonAssert.AreEqual("""
            {"id":"S","mutable":false,"version":"1.0.0","jobControlOptions":["sync-execute","async-execute","dismiss"],
             "outputTransmission":["value","reference"],"links":[{"rel":"self","href":"http://localhost/ogc-api/processes/S"}]}
            """, Summary("[S]\n"));
    }

    [Test]
    public void Literal_inputs_give_typed_defaults_ranges_and_enums()
    {
        const string zcfg = """
            [Calculate]
             Title = Aggregate
             <DataInputs>
              [numbers]
               Title = Numbers
               minOccurs = 1
               maxOccurs = unbounded
               <LiteralData>
                dataType = double
                <Default>
                 uom = meter
                </Default>
               </LiteralData>
              [factor]
               Title = Factor
               minOccurs = 1
               maxOccurs = 1
               <LiteralData>
                dataType = integer
                AllowedValues = 1,2,5,10
                <Default />
               </LiteralData>
              [offset]
               Title = Offset
               minOccurs = 0
               maxOccurs = 1
               <LiteralData>
                dataType = double
                rangeMin = -100.5
                rangeMax = 100.0
                rangeClosure = co
                <Default>
                 value = 0.5
                </Default>
               </LiteralData>
              [operation]
               Title = Operation
               minOccurs = 0
               maxOccurs = 3
               <LiteralData>
                dataType = string
                AllowedValues = sum,mean
                <Default>
                 value = sum
                </Default>
               </LiteralData>
              [flag]
               Title = Flag
               <LiteralData>
                dataType = boolean
                <Default>
                 value = true
                </Default>
               </LiteralData>
             </DataInputs>
             <DataOutputs>
              [Count]
               Title = Count
               <LiteralOutput>
                dataType = integer
                AllowedValues = 1,2
                <Default />
               </LiteralOutput>
             </DataOutputs>
            """;

        var description = Describe(zcfg);

        JsonAssert.AreEqual("""
            {"numbers":{"title":"Numbers","maxOccurs":"unbounded","schema":{"type":"number","format":"double"}},
             "factor":{"title":"Factor","schema":{"type":"integer","enum":[1,2,5,10]}},
             "offset":{"title":"Offset","minOccurs":0,
                       "schema":{"type":"number","format":"double","default":0.5,"minimum":-100.5,"maximum":100,"exclusiveMaximum":true}},
             "operation":{"title":"Operation","minOccurs":0,"maxOccurs":3,"schema":{"type":"string","default":"sum","enum":["sum","mean"]}},
             "flag":{"title":"Flag","minOccurs":0,"schema":{"type":"boolean","default":true}}}
            """, description["inputs"]);
        JsonAssert.AreEqual("""{"Count":{"title":"Count","schema":{"type":"integer"}}}""", description["outputs"]);
    }

    [TestCase("rangeMin = 0\n    rangeMax = 1\n    rangeClosure = c", """{"type":"number","format":"float","minimum":0,"maximum":1}""")]
    [TestCase("rangeMin = 0\n    rangeMax = 1\n    rangeClosure = o",
        """{"type":"number","format":"float","minimum":0,"exclusiveMinimum":true,"maximum":1,"exclusiveMaximum":true}""")]
    [TestCase("rangeMin = 0\n    rangeMax = 1\n    rangeClosure = oc",
        """{"type":"number","format":"float","minimum":0,"exclusiveMinimum":true,"maximum":1}""")]
    [TestCase("rangeMin = 0\n    rangeMax = 1", """{"type":"number","format":"float","minimum":0,"maximum":1}""")]
    [TestCase("rangeMin = 2", """{"type":"number","format":"float","minimum":2}""")]
    [TestCase("range = ]0,10]", """{"type":"number","format":"float","minimum":0,"exclusiveMinimum":true,"maximum":10}""")]
    [TestCase("range = [0,10[", """{"type":"number","format":"float","minimum":0,"maximum":10,"exclusiveMaximum":true}""")]
    public void A_range_gives_minimum_and_maximum_open_where_its_closure_says(string keys, string schema)
    {
        JsonAssert.AreEqual(schema, InputSchema($"   <LiteralData>\n    dataType = float\n    {keys}\n    <Default />\n   </LiteralData>"));
    }

    [TestCase("date", """{"type":"string","format":"date"}""")]
    [TestCase("dateTime", """{"type":"string","format":"date-time"}""")]
    [TestCase("anyURI", """{"type":"string","format":"uri"}""")]
    [TestCase("int", """{"type":"integer"}""")]
    [TestCase("bool", """{"type":"boolean"}""")]
    [TestCase("token", """{"type":"string"}""")]
    public void A_data_type_outside_JSON_Schema_s_types_is_a_string_or_a_format(string dataType, string schema)
    {
        JsonAssert.AreEqual(schema, InputSchema($"   <LiteralData>\n    dataType = {dataType}\n    <Default />\n   </LiteralData>"));
    }

    [Test]
    public void Literal_data_without_a_data_type_is_a_string()
    {
        JsonAssert.AreEqual("""{"type":"string"}""", InputSchema("   <LiteralData>\n    <Default />\n   </LiteralData>"));
    }

    [Test]
    public void A_JSON_default_is_given_as_JSON()
    {
        JsonAssert.AreEqual("""{"type":"integer","default":[1,2]}""",
            InputSchema("   <LiteralData>\n    dataType = integer\n    <Default>\n     value = [1,2]\n    </Default>\n   </LiteralData>"));
    }

    [Test]
    public void A_default_that_does_not_read_as_its_type_is_kept_as_text()
    {
        JsonAssert.AreEqual("""{"type":"integer","default":"ten"}""",
            InputSchema("   <LiteralData>\n    dataType = integer\n    <Default>\n     value = ten\n    </Default>\n   </LiteralData>"));
    }

    [Test]
    public void Complex_formats_are_alternatives_with_an_encoding_only_for_base64_and_the_size_limit_beside_the_schema()
    {
        const string data = """
               <ComplexData>
                <Default>
                 mimeType = image/tiff
                </Default>
                <Supported>
                 mimeType = image/tiff
                 encoding = base64
                </Supported>
                <Supported>
                 mimeType = text/xml
                 encoding = UTF-8
                 schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
                </Supported>
                <Supported>
                 mimeType = application/json
                 encoding = UTF-8
                </Supported>
                <Supported>
                 mimeType = application/geo+json
                </Supported>
                <Supported>
                 mimeType = image/tiff
                </Supported>
               </ComplexData>
            """;

        JsonAssert.AreEqual("""
            {"title":"In","schema":{"oneOf":[
               {"type":"string","contentMediaType":"image/tiff"},
               {"type":"string","contentEncoding":"base64","contentMediaType":"image/tiff"},
               {"type":"string","contentMediaType":"text/xml","contentSchema":"http://schemas.opengis.net/gml/3.1.1/base/feature.xsd"},
               {"type":"object"}]},
             "contentMaximumMegabytes":64}
            """, Input(data, "minOccurs = 1\n   maxOccurs = 1\n   maximumMegabytes = 64"));
    }

    [Test]
    public void A_JSON_format_that_names_a_schema_refers_to_it()
    {
        JsonAssert.AreEqual("""{"oneOf":[{"$ref":"https://geojson.org/schema/FeatureCollection.json","format":"geojson-feature-collection"}]}""",
            InputSchema("""
                   <ComplexData>
                    <Default>
                     mimeType = application/geo+json
                     schema = https://geojson.org/schema/FeatureCollection.json
                     dataFormat = geojson-feature-collection
                    </Default>
                   </ComplexData>
                """));
    }

    [Test]
    public void A_bounding_box_is_an_object_of_corners_and_a_CRS_from_those_the_zcfg_names()
    {
        const string data = """
               <BoundingBoxData>
                <Default>
                 CRS = EPSG:4326
                </Default>
                <Supported>
                 CRS = EPSG:4326
                </Supported>
                <Supported>
                 CRS = EPSG:3857,EPSG:2154
                </Supported>
               </BoundingBoxData>
            """;

        JsonAssert.AreEqual("""
            {"type":"object","required":["bbox","crs"],
             "properties":{
               "bbox":{"type":"array","oneOf":[{"minItems":4,"maxItems":4},{"minItems":6,"maxItems":6}],
                       "items":{"type":"number","format":"double"}},
               "crs":{"type":"string","format":"uri","default":"EPSG:4326","enum":["EPSG:4326","EPSG:3857","EPSG:2154"]}},
             "format":"ogc-bbox"}
            """, InputSchema(data));
    }

    [Test]
    public void Outputs_with_inner_outputs_are_listed_as_those_inner_outputs_under_their_execute_names()
    {
        var description = ProcessDocument.Description(TestSupport.InnerOutputs.Process, "Smoothing", Links());

        JsonAssert.AreEqual("""
            {"out.download_link":{"title":"Download link","description":"The download link",
                                  "schema":{"oneOf":[{"type":"string","contentMediaType":"image/tiff"}]}},
             "out.wms_link":{"title":"WMS link","description":"The WMS link",
                             "schema":{"oneOf":[{"type":"string","contentMediaType":"image/png"}]}},
             "out.wcs_link":{"title":"WCS link","description":"The WCS link",
                             "schema":{"oneOf":[{"type":"string","contentMediaType":"image/tiff"}]}},
             "Distance":{"title":"Distance","description":"A distance.","schema":{"type":"number","format":"double"}}}
            """, description["outputs"]);
    }

    [Test]
    public void Nested_inputs_are_listed_as_their_leaves()
    {
        const string zcfg = """
            [S]
             <DataInputs>
              [area]
               Title = Area
               <DataInputs>
                [name]
                 Title = Name
                 minOccurs = 1
                 <LiteralData>
                  dataType = string
                  <Default />
                 </LiteralData>
               </DataInputs>
             </DataInputs>
            """;

        JsonAssert.AreEqual("""{"area.name":{"title":"Name","schema":{"type":"string"}}}""", Describe(zcfg)["inputs"]);
    }

    [Test]
    public void No_member_outside_the_standard_s_is_written_for_complex_data()
    {
        var input = Input("   <ComplexData>\n    <Default>\n     mimeType = text/plain\n    </Default>\n   </ComplexData>")!.AsObject();

        Assert.That(input.Select(p => p.Key), Is.EquivalentTo(new[] { "title", "schema" }));
    }

    [Test]
    public void An_input_carries_its_metadata_and_additional_parameters()
    {
        const string zcfg = """
            [S]
             <DataInputs>
              [numbers]
               Title = Numbers
               Abstract = One value per occurrence.
               minOccurs = 1
               <MetaData>
                title = Numbers input
                href = https://example.org/zookernel/processes/Calculate#numbers
                role = https://example.org/zookernel/roles/documentation
               </MetaData>
               <AdditionalParameters>
                role = https://example.org/zookernel/roles/input-hints
                unitsAccepted = meter,kilometer
               </AdditionalParameters>
               <LiteralData>
                dataType = double
                <Default />
               </LiteralData>
             </DataInputs>
            """;

        JsonAssert.AreEqual("""
            {"title":"Numbers","description":"One value per occurrence.",
             "metadata":[{"title":"Numbers input","role":"https://example.org/zookernel/roles/documentation",
                          "href":"https://example.org/zookernel/processes/Calculate#numbers"}],
             "additionalParameters":{"role":"https://example.org/zookernel/roles/input-hints",
                                     "parameters":[{"name":"unitsAccepted","value":["meter","kilometer"]}]},
             "schema":{"type":"number","format":"double"}}
            """, Describe(zcfg)["inputs"]!["numbers"]);
    }
}
