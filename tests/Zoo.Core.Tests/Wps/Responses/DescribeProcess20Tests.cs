using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Wps.Responses;

/// <summary>WPS 2.0.0 DescribeProcess: ZOO's element and attribute order (zoo-output-shapes.md §2).</summary>
public class DescribeProcess20Tests
{
    private static readonly WpsVersion V = WpsVersion.V200;

    private static string Describe(string zcfg) => Documents.Describe(V, zcfg);

    private static IReadOnlyList<string> Children(string zcfg, string xpath) =>
        Documents.ChildNames(Documents.Select(Describe(zcfg), xpath, V));

    private static string Offering(string zcfg, string attribute) =>
        Documents.Select(Describe(zcfg), "//wps:ProcessOffering", V).Attribute(attribute)!.Value;

    [Test]
    public void HelloPy_is_described_as_ZOO_describes_it()
    {
        Assert.That(Describe(DescribeProcess10Tests.HelloPy), Is.EqualTo(ZooExamples.DescribeHelloPy20));
    }

    [TestCase("processVersion = 2", "2.0.0")]
    [TestCase("processVersion = 1.2.0", "1.2.0")]
    [TestCase("processVersion = 1.0", "1.0.0.0")]
    [TestCase("Title = t", "1.0.0")]
    public void The_process_version_is_padded_with_dot_0_0_when_shorter_than_five_characters(string keys, string written)
    {
        Assert.That(Offering($"[S]\n {keys}\n", "processVersion"), Is.EqualTo(written));
    }

    [Test]
    public void Job_control_options_default_to_sync_async_and_dismiss()
    {
        Assert.That(Offering("[S]\n serviceType = Python\n", "jobControlOptions"), Is.EqualTo("sync-execute async-execute dismiss"));
    }

    [Test]
    public void Configured_job_control_options_are_kept()
    {
        Assert.That(Offering("[S]\n serviceType = HPC\n jobControlOptions = sync-execute\n", "jobControlOptions"), Is.EqualTo("sync-execute"));
    }

    [TestCase("sync", "sync-execute dismiss")]
    [TestCase("async", "async-execute dismiss")]
    public void The_zcfg_mode_overrides_the_job_control_options(string mode, string written)
    {
        Assert.That(Offering($"[S]\n jobControlOptions = sync-execute async-execute dismiss\n mode = {mode}\n", "jobControlOptions"), Is.EqualTo(written));
    }

    [Test]
    public void An_unknown_mode_leaves_the_job_control_options()
    {
        Assert.That(Offering("[S]\n mode = auto\n", "jobControlOptions"), Is.EqualTo("sync-execute async-execute dismiss"));
    }

    [Test]
    public void Output_transmission_defaults_to_value_and_reference()
    {
        Assert.That(Offering("[S]\n", "outputTransmission"), Is.EqualTo("value reference"));
    }

    [Test]
    public void The_offering_root_has_no_service_version_or_language()
    {
        Assert.That(Documents.AttributeNames(Documents.Select(Describe("[S]\n"), "/wps:ProcessOfferings", V)), Is.EqualTo(new[] { "schemaLocation" }));
    }

    [Test]
    public void Unbounded_maxOccurs_is_written_as_1000()
    {
        var document = Describe(DescribeProcess10Tests.WithInput("<LiteralData>\n<Default />\n</LiteralData>", "maxOccurs = unbounded"));

        Assert.That(document, Does.Contain("<wps:Input minOccurs=\"0\" maxOccurs=\"1000\">"));
    }

    private const string Numbers = """
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

    [Test]
    public void Each_supported_unit_adds_one_literal_data_domain()
    {
        var document = Describe(DescribeProcess10Tests.WithInput(Numbers));

        Assert.That(Documents.SelectAll(document, "//wps:Input//LiteralDataDomain/ows:UOM", V).Select(e => e.Value),
            Is.EqualTo(new[] { "meter", "meter", "kilometer" }));
    }

    [Test]
    public void Only_the_first_domain_is_the_default()
    {
        var document = Describe(DescribeProcess10Tests.WithInput(Numbers));

        Assert.That(Documents.SelectAll(document, "//wps:Input//LiteralDataDomain", V).Select(e => e.Attribute("default")?.Value),
            Is.EqualTo(new[] { "true", null, null }));
    }

    [Test]
    public void A_supported_unit_domain_repeats_the_ows_namespace_on_its_copied_elements()
    {
        var document = Describe(DescribeProcess10Tests.WithInput(Numbers));

        Assert.That(Documents.Fragment(document, "<LiteralDataDomain>", "</LiteralDataDomain>"), Is.EqualTo("""
            <LiteralDataDomain>
                        <ows:AnyValue xmlns:ows="http://www.opengis.net/ows/2.0"/>
                        <ows:DataType xmlns:ows="http://www.opengis.net/ows/2.0" ows:reference="http://www.w3.org/TR/xmlschema-2/#double">double</ows:DataType>
                        <ows:UOM>meter</ows:UOM>
                      </LiteralDataDomain>
            """));
    }

    [Test]
    public void Supported_blocks_without_unit_add_no_domain()
    {
        const string data = """
            <LiteralData>
             dataType = string
             <Default />
             <Supported>
              value = x
             </Supported>
            </LiteralData>
            """;

        Assert.That(Children(DescribeProcess10Tests.WithInput(data), "//wps:Input/wps:LiteralData"),
            Is.EqualTo(new[] { "wps:Format", "LiteralDataDomain" }));
    }

    [Test]
    public void A_domain_lists_values_then_data_type_then_unit_then_default_value()
    {
        const string data = """
            <LiteralData>
             dataType = double
             rangeMin = 0
             rangeMax = 60
             <Default>
              uom = second
              value = 2
             </Default>
            </LiteralData>
            """;

        Assert.That(Children(DescribeProcess10Tests.WithInput(data), "//wps:Input//LiteralDataDomain"),
            Is.EqualTo(new[] { "ows:AllowedValues", "ows:DataType", "ows:UOM", "ows:DefaultValue" }));
    }

    [Test]
    public void A_literal_format_is_plain_text()
    {
        Assert.That(Describe(DescribeProcess10Tests.WithInput("<LiteralData>\n<Default />\n</LiteralData>")),
            Does.Contain("<wps:Format mimeType=\"text/plain\" default=\"true\"/>"));
    }

    [Test]
    public void A_boolean_input_allows_true_and_false()
    {
        var document = Describe(DescribeProcess10Tests.WithInput("<LiteralData>\ndataType = boolean\n<Default />\n</LiteralData>"));

        Assert.That(Documents.SelectAll(document, "//wps:Input//ows:AllowedValues/ows:Value", V).Select(e => e.Value), Is.EqualTo(new[] { "true", "false" }));
    }

    [Test]
    public void A_literal_output_accepts_any_value()
    {
        Assert.That(Children(DescribeProcess10Tests.WithOutput("<LiteralOutput>\ndataType = integer\n<Default />\n</LiteralOutput>"), "//wps:Output//LiteralDataDomain"),
            Is.EqualTo(new[] { "ows:AnyValue", "ows:DataType" }));
    }

    [Test]
    public void A_boolean_output_allows_true_and_false_as_in_ZOO()
    {
        var document = Describe(DescribeProcess10Tests.WithOutput("<LiteralOutput>\ndataType = boolean\n<Default />\n</LiteralOutput>"));

        Assert.That(Documents.SelectAll(document, "//wps:Output//ows:AllowedValues/ows:Value", V).Select(e => e.Value), Is.EqualTo(new[] { "true", "false" }));
    }

    [Test]
    public void A_complex_format_lists_default_then_mime_type_encoding_schema_and_limit()
    {
        const string data = """
            <ComplexData>
             <Default>
              mimeType = text/xml
              encoding = UTF-8
              schema = http://schemas.opengis.net/gml/3.2.1/gml.xsd
             </Default>
             <Supported>
              mimeType = application/json
             </Supported>
            </ComplexData>
            """;

        Assert.That(Describe(DescribeProcess10Tests.WithInput(data, "maximumMegabytes = 16")), Does.Contain("""
            <wps:ComplexData>
                      <wps:Format default="true" mimeType="text/xml" encoding="UTF-8" schema="http://schemas.opengis.net/gml/3.2.1/gml.xsd" maximumMegabytes="16"/>
                      <wps:Format mimeType="application/json" maximumMegabytes="16"/>
                    </wps:ComplexData>
            """));
    }

    [Test]
    public void Without_supported_blocks_the_default_format_is_written_twice()
    {
        const string data = """
            <ComplexData>
             <Default>
              mimeType = text/plain
              encoding = UTF-8
             </Default>
            </ComplexData>
            """;

        Assert.That(Describe(DescribeProcess10Tests.WithInput(data)), Does.Contain("""
            <wps:Format default="true" mimeType="text/plain" encoding="UTF-8"/>
                      <wps:Format mimeType="text/plain" encoding="UTF-8"/>
            """));
    }

    [Test]
    public void A_complex_output_is_written_as_wps_ComplexData()
    {
        Assert.That(Children(DescribeProcess10Tests.WithOutput("<ComplexOutput>\n<Default>\nmimeType = image/png\n</Default>\n</ComplexOutput>"), "//wps:Output"),
            Is.EqualTo(new[] { "ows:Identifier", "wps:ComplexData" }));
    }

    [Test]
    public void A_bounding_box_lists_its_formats_and_crs()
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
              CRS = EPSG:3857
             </Supported>
            </BoundingBoxData>
            """;

        Assert.That(Describe(DescribeProcess10Tests.WithInput(data)), Does.Contain("""
            <wps:BoundingBoxData>
                      <wps:Format mimeType="text/xml" default="true"/>
                      <wps:SupportedCRS default="true">EPSG:4326</wps:SupportedCRS>
                      <wps:SupportedCRS>EPSG:4326</wps:SupportedCRS>
                      <wps:SupportedCRS>EPSG:3857</wps:SupportedCRS>
                    </wps:BoundingBoxData>
            """));
    }

    private const string Echo = """
        [Echo]
         Title = Echo a message.
         <MetaData>
          title = Namespace samples
          href = https://example.org/echo
          role = https://example.org/roles/documentation
         </MetaData>
         <AdditionalParameters>
          role = https://example.org/roles/process-hints
          namespace = ogc.tests
          languages = python3,stdlib
         </AdditionalParameters>
         <DataOutputs>
          [Result]
           Title = Echoed message
           <AdditionalParameters>
            role = https://example.org/roles/output-hints
            sameAs = message
           </AdditionalParameters>
           <LiteralOutput>
            dataType = string
            <Default />
           </LiteralOutput>
         </DataOutputs>
        """;

    [Test]
    public void Process_children_are_title_identifier_metadata_additional_parameters_then_outputs()
    {
        Assert.That(Children(Echo, "//wps:Process"), Is.EqualTo(new[] { "ows:Title", "ows:Identifier", "ows:Metadata", "ows:AdditionalParameters", "wps:Output" }));
    }

    [Test]
    public void Additional_parameters_are_written_with_a_value_per_comma_item()
    {
        var document = Describe(Echo);

        Assert.That(Documents.Fragment(document, "<ows:AdditionalParameters", "</ows:AdditionalParameters>"), Is.EqualTo("""
            <ows:AdditionalParameters xlink:role="https://example.org/roles/process-hints">
                    <ows:AdditionalParameter>
                      <ows:Name>namespace</ows:Name>
                      <ows:Value>ogc.tests</ows:Value>
                    </ows:AdditionalParameter>
                    <ows:AdditionalParameter>
                      <ows:Name>languages</ows:Name>
                      <ows:Value>python3</ows:Value>
                      <ows:Value>stdlib</ows:Value>
                    </ows:AdditionalParameter>
                  </ows:AdditionalParameters>
            """));
    }

    [Test]
    public void Output_level_additional_parameters_come_before_the_data()
    {
        Assert.That(Children(Echo, "//wps:Output"), Is.EqualTo(new[] { "ows:Title", "ows:Identifier", "ows:AdditionalParameters", "wps:LiteralData" }));
    }

    [Test]
    public void Nested_inputs_are_written_inside_their_parent()
    {
        const string zcfg = """
            [S]
             <DataInputs>
              [parent]
               Title = Parent
               <DataInputs>
                [child]
                 <LiteralData>
                  dataType = string
                  <Default />
                 </LiteralData>
               </DataInputs>
             </DataInputs>
            """;

        Assert.That(Documents.Select(Describe(zcfg), "//wps:Input/wps:Input/ows:Identifier", V).Value, Is.EqualTo("child"));
    }
}
