using System.Xml.Linq;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Wps.Responses;

/// <summary>WPS 1.0.0 DescribeProcess: ZOO's element and attribute order (zoo-output-shapes.md §1).</summary>
public class DescribeProcess10Tests
{
    private static readonly WpsVersion V = WpsVersion.V100;

    internal const string HelloPy = """
        [HelloPy]
         Title = Create a welcome message string.
         Abstract = Create a welcome string.
         processVersion = 2
         storeSupported = true
         statusSupported = true
         serviceType = Python
         serviceProvider = test_service
         <MetaData>
          title = Demo
         </MetaData>
         <DataInputs>
          [a]
           Title = Input string
           Abstract = The name to display in the welcome message.
           minOccurs = 1
           maxOccurs = 1
           <MetaData>
            title = My test
           </MetaData>
           <LiteralData>
            dataType = string
            <Default>
             uom = meter
            </Default>
            <Supported>
             uom = meter
            </Supported>
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [Result]
           Title = The welcome message
           Abstract = The welcome message created by service.
           <MetaData>
            title = My test
           </MetaData>
           <LiteralData>
            dataType = string
            <Default>
             uom = meter
            </Default>
            <Supported>
             uom = meter
            </Supported>
           </LiteralData>
         </DataOutputs>
        """;

    /// <summary>A service with one input whose data block is the given text.</summary>
    internal static string WithInput(string dataBlock, string ioKeys = "") => $"""
        [S]
         <DataInputs>
          [in]
        {ioKeys}
        {dataBlock}
         </DataInputs>
         <DataOutputs>
          [out]
           <LiteralOutput>
            dataType = string
            <Default />
           </LiteralOutput>
         </DataOutputs>
        """;

    internal static string WithOutput(string dataBlock) => $"""
        [S]
         <DataOutputs>
          [out]
        {dataBlock}
         </DataOutputs>
        """;

    private static string Describe(string zcfg) => Documents.Describe(V, zcfg);

    private static IReadOnlyList<string> Children(string zcfg, string xpath) =>
        Documents.ChildNames(Documents.Select(Describe(zcfg), xpath, V));

    [Test]
    public void HelloPy_is_described_as_ZOO_describes_it()
    {
        Assert.That(Describe(HelloPy), Is.EqualTo(ZooExamples.DescribeHelloPy10));
    }

    [Test]
    public void The_profile_of_the_zcfg_follows_the_metadata_as_wps_Profile()
    {
        var zcfg = "[BufferPy]\n Title = Buffer\n Profile = urn:ogc:wps:1.0.0:buffer\n <MetaData>\n  title = Demo\n </MetaData>\n";

        Assert.That(Children(zcfg, "//ProcessDescription"),
            Is.EqualTo(new[] { "ows:Identifier", "ows:Title", "ows:Metadata", "wps:Profile", "ProcessOutputs" }));
    }

    [Test]
    public void The_profile_is_written_as_the_zcfg_gives_it()
    {
        var profile = Documents.Select(Describe("[S]\n Profile = urn:ogc:wps:1.0.0:buffer\n"), "//wps:Profile", V);

        Assert.That(profile.Value, Is.EqualTo("urn:ogc:wps:1.0.0:buffer"));
    }

    [Test]
    public void The_process_attributes_default_to_version_1_and_true()
    {
        var description = Documents.Select(Describe("[S]\n"), "//ProcessDescription", V);

        Assert.That(description.Attributes().Select(a => a.Value), Is.EqualTo(new[] { "1", "true", "true" }));
    }

    [Test]
    public void Store_and_status_support_are_copied_from_the_zcfg()
    {
        var description = Documents.Select(Describe("[S]\n storeSupported = false\n statusSupported = false\n"), "//ProcessDescription", V);

        Assert.That((description.Attribute("storeSupported")!.Value, description.Attribute("statusSupported")!.Value), Is.EqualTo(("false", "false")));
    }

    [Test]
    public void Without_inputs_there_is_no_DataInputs_element()
    {
        Assert.That(Children(WithOutput("<LiteralOutput>\n<Default />\n</LiteralOutput>"), "//ProcessDescription"),
            Is.EqualTo(new[] { "ows:Identifier", "ProcessOutputs" }));
    }

    [Test]
    public void Each_identifier_gives_one_description_in_request_order()
    {
        var document = Documents.Describe(V, Documents.Offering("[B]\n"), Documents.Offering("[Echo]\n", "ogc.tests.Echo"), Documents.Offering("[A]\n"));

        Assert.That(Documents.SelectAll(document, "//ProcessDescription/ows:Identifier", V).Select(e => e.Value),
            Is.EqualTo(new[] { "B", "ogc.tests.Echo", "A" }));
    }

    [Test]
    public void Unbounded_maxOccurs_is_written_as_1000()
    {
        var document = Describe(WithInput("<LiteralData>\n<Default />\n</LiteralData>", "minOccurs = 1\nmaxOccurs = unbounded"));

        Assert.That(document, Does.Contain("<Input minOccurs=\"1\" maxOccurs=\"1000\">"));
    }

    [Test]
    public void Occurrences_default_to_0_and_1()
    {
        Assert.That(Describe(WithInput("<LiteralData>\n<Default />\n</LiteralData>")), Does.Contain("<Input minOccurs=\"0\" maxOccurs=\"1\">"));
    }

    [Test]
    public void An_output_has_no_occurrence_attributes()
    {
        Assert.That(Describe(HelloPy), Does.Contain("<Output>"));
    }

    [Test]
    public void A_literal_input_without_restriction_accepts_any_value()
    {
        Assert.That(Children(WithInput("<LiteralData>\ndataType = string\n<Default />\n</LiteralData>"), "//LiteralData"),
            Is.EqualTo(new[] { "ows:DataType", "ows:AnyValue" }));
    }

    [Test]
    public void The_data_type_references_xml_schema()
    {
        var document = Describe(WithInput("<LiteralData>\ndataType = double\n<Default />\n</LiteralData>"));

        Assert.That(document, Does.Contain("<ows:DataType ows:reference=\"http://www.w3.org/TR/xmlschema-2/#double\">double</ows:DataType>"));
    }

    [Test]
    public void Allowed_values_give_one_value_each()
    {
        var document = Describe(WithInput("<LiteralData>\ndataType = integer\nAllowedValues = 1,2,5,10\n<Default />\n</LiteralData>"));

        Assert.That(Documents.SelectAll(document, "//ows:AllowedValues/ows:Value", V).Select(e => e.Value), Is.EqualTo(new[] { "1", "2", "5", "10" }));
    }

    [Test]
    public void A_boolean_input_allows_true_and_false()
    {
        var document = Describe(WithInput("<LiteralData>\ndataType = boolean\n<Default />\n</LiteralData>"));

        Assert.That(Documents.SelectAll(document, "//ows:AllowedValues/ows:Value", V).Select(e => e.Value), Is.EqualTo(new[] { "true", "false" }));
    }

    [Test]
    public void The_default_value_comes_last_unprefixed()
    {
        Assert.That(Children(WithInput("<LiteralData>\ndataType = string\n<Default>\nvalue = sum\n</Default>\n</LiteralData>"), "//LiteralData"),
            Is.EqualTo(new[] { "ows:DataType", "ows:AnyValue", "DefaultValue" }));
    }

    [Test]
    public void Units_come_after_the_data_type_and_before_the_values()
    {
        const string data = """
            <LiteralData>
             dataType = string
             AllowedValues = a,b
             <Default>
              uom = meter
              value = a
             </Default>
             <Supported>
              uom = meter
             </Supported>
            </LiteralData>
            """;

        Assert.That(Children(WithInput(data), "//LiteralData"), Is.EqualTo(new[] { "ows:DataType", "UOMs", "ows:AllowedValues", "DefaultValue" }));
    }

    [Test]
    public void Each_supported_unit_is_listed_in_one_Supported_element()
    {
        const string data = """
            <LiteralData>
             dataType = double
             <Default>
              uom = meter
             </Default>
             <Supported>
              uom = meter
             </Supported>
             <Supported>
              uom = kilometer
             </Supported>
            </LiteralData>
            """;

        var document = Describe(WithInput(data));

        Assert.That(Documents.SelectAll(document, "//UOMs/Supported/ows:UOM", V).Select(e => e.Value), Is.EqualTo(new[] { "meter", "kilometer" }));
    }

    [Test]
    public void Without_supported_units_the_default_unit_is_listed_as_supported()
    {
        var document = Describe(WithInput("<LiteralData>\ndataType = double\n<Default>\nuom = second\n</Default>\n</LiteralData>"));

        Assert.That(Documents.Fragment(document, "<UOMs>", "</UOMs>"), Is.EqualTo("""
            <UOMs>
                        <Default>
                          <ows:UOM>second</ows:UOM>
                        </Default>
                        <Supported>
                          <ows:UOM>second</ows:UOM>
                        </Supported>
                      </UOMs>
            """));
    }

    [Test]
    public void Without_a_default_unit_there_is_no_UOMs_element()
    {
        const string data = """
            <LiteralData>
             dataType = double
             <Default />
             <Supported>
              uom = meter
             </Supported>
            </LiteralData>
            """;

        Assert.That(Children(WithInput(data), "//LiteralData"), Is.EqualTo(new[] { "ows:DataType", "ows:AnyValue" }));
    }

    [Test]
    public void Allowed_values_and_a_range_share_one_AllowedValues_element()
    {
        Assert.That(Children(WithInput("<LiteralData>\ndataType = integer\nAllowedValues = 1,2\nrange = [5,10]\n<Default />\n</LiteralData>"), "//ows:AllowedValues"), Is.EqualTo(new[] { "ows:Value", "ows:Value", "ows:Range" }));
    }

    [TestCase("range = [0,100]", "closed")]
    [TestCase("range = ]0,100]", "open-closed")]
    [TestCase("range = [0,100[", "closed-open")]
    [TestCase("range = ]0,100[", "open")]
    [TestCase("rangeMin = 0\nrangeMax = 100\nrangeClosure = c", "closed")]
    [TestCase("rangeMin = 0\nrangeMax = 100\nrangeClosure = o", "open")]
    [TestCase("rangeMin = 0\nrangeMax = 100\nrangeClosure = oc", "open-closed")]
    [TestCase("rangeMin = 0\nrangeMax = 100\nrangeClosure = co", "closed-open")]
    [TestCase("rangeMin = 0\nrangeMax = 100", "closed")]
    public void A_range_closure_is_written_as_the_ows_range_closure(string keys, string closure)
    {
        var document = Describe(WithInput($"<LiteralData>\ndataType = double\n{keys}\n<Default />\n</LiteralData>"));

        Assert.That(Documents.Select(document, "//ows:Range", V).Attribute(XName.Get("rangeClosure", V.OwsNamespace))!.Value, Is.EqualTo(closure));
    }

    [TestCase("range = [1,100]")]
    [TestCase("rangeMin = 1\nrangeMax = 100")]
    public void A_range_gives_its_minimum_and_maximum(string keys)
    {
        var document = Describe(WithInput($"<LiteralData>\ndataType = integer\n{keys}\n<Default />\n</LiteralData>"));
        var range = Documents.Select(document, "//ows:Range", V);

        Assert.That(Documents.ChildNames(range).Zip(range.Elements().Select(e => e.Value)),
            Is.EqualTo(new[] { ("ows:MinimumValue", "1"), ("ows:MaximumValue", "100") }));
    }

    [Test]
    public void A_range_spacing_comes_after_the_maximum()
    {
        var document = Describe(WithInput("<LiteralData>\ndataType = double\nrangeMin = 0\nrangeMax = 1\nrangeSpacing = 0.5\n<Default />\n</LiteralData>"));

        Assert.That(Documents.Select(document, "//ows:Range", V).Elements().Select(e => e.Value), Is.EqualTo(new[] { "0", "1", "0.5" }));
    }

    [Test]
    public void A_literal_output_has_no_value_domain()
    {
        Assert.That(Children(WithOutput("<LiteralOutput>\ndataType = integer\n<Default />\n</LiteralOutput>"), "//LiteralOutput"),
            Is.EqualTo(new[] { "ows:DataType" }));
    }

    [Test]
    public void A_literal_data_output_is_written_as_LiteralOutput()
    {
        Assert.That(Children(WithOutput("<LiteralData>\ndataType = integer\n<Default />\n</LiteralData>"), "//Output"),
            Is.EqualTo(new[] { "ows:Identifier", "LiteralOutput" }));
    }

    private const string Complex = """
        <ComplexData>
         <Default>
          mimeType = text/xml
          encoding = UTF-8
          schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
          extension = xml
          asReference = true
         </Default>
        </ComplexData>
        """;

    [Test]
    public void A_format_lists_mime_type_encoding_and_schema_only()
    {
        Assert.That(Children(WithInput(Complex), "//ComplexData/Default/Format"), Is.EqualTo(new[] { "MimeType", "Encoding", "Schema" }));
    }

    [Test]
    public void Without_supported_blocks_the_default_format_is_the_supported_one()
    {
        var document = Describe(WithInput(Complex));

        Assert.That(Documents.Select(document, "//ComplexData/Supported/Format", V).ToString(),
            Is.EqualTo(Documents.Select(document, "//ComplexData/Default/Format", V).ToString()));
    }

    [Test]
    public void With_supported_blocks_the_default_format_is_not_repeated()
    {
        const string data = """
            <ComplexData>
             <Default>
              mimeType = application/json
             </Default>
             <Supported>
              mimeType = text/xml
             </Supported>
             <Supported>
              mimeType = image/png
             </Supported>
            </ComplexData>
            """;

        var document = Describe(WithInput(data));

        Assert.That(Documents.SelectAll(document, "//ComplexData/Supported/Format/MimeType", V).Select(e => e.Value),
            Is.EqualTo(new[] { "text/xml", "image/png" }));
    }

    [Test]
    public void The_megabyte_limit_is_an_attribute_of_ComplexData()
    {
        Assert.That(Describe(WithInput(Complex, "maximumMegabytes = 16")), Does.Contain("<ComplexData maximumMegabytes=\"16\">"));
    }

    [Test]
    public void A_complex_output_is_written_as_ComplexOutput()
    {
        Assert.That(Children(WithOutput(Complex), "//Output"), Is.EqualTo(new[] { "ows:Identifier", "ComplexOutput" }));
    }

    private const string BoundingBox = """
        <BoundingBoxData>
         <Default>
          CRS = EPSG:4326
         </Default>
         <Supported>
          CRS = EPSG:4326
         </Supported>
         <Supported>
          CRS = EPSG:3857
         </Supported>
        </BoundingBoxData>
        """;

    [Test]
    public void A_bounding_box_names_its_default_crs()
    {
        Assert.That(Documents.Select(Describe(WithInput(BoundingBox)), "//BoundingBoxData/Default/CRS", V).Value, Is.EqualTo("EPSG:4326"));
    }

    [Test]
    public void A_bounding_box_lists_each_supported_crs()
    {
        var document = Describe(WithInput(BoundingBox));

        Assert.That(Documents.SelectAll(document, "//BoundingBoxData/Supported/CRS", V).Select(e => e.Value), Is.EqualTo(new[] { "EPSG:4326", "EPSG:3857" }));
    }

    [Test]
    public void A_bounding_box_output_is_written_as_BoundingBoxOutput()
    {
        Assert.That(Children(WithOutput(BoundingBox), "//Output"), Is.EqualTo(new[] { "ows:Identifier", "BoundingBoxOutput" }));
    }

    [Test]
    public void Metadata_with_href_and_role_gives_xlink_attributes()
    {
        var document = Describe("[S]\n<MetaData>\ntitle = Doc\nhref = https://example.org/d\nrole = https://example.org/r\n</MetaData>\n");

        Assert.That(document, Does.Contain("<ows:Metadata xlink:title=\"Doc\" xlink:href=\"https://example.org/d\" xlink:role=\"https://example.org/r\"/>"));
    }

    [Test]
    public void Additional_parameters_are_not_written_in_1_0_0()
    {
        var document = Describe("[S]\n<AdditionalParameters>\ntitle = t\ncategory = c\n</AdditionalParameters>\n");

        Assert.That(document, Does.Not.Contain("AdditionalParameter"));
    }
}
