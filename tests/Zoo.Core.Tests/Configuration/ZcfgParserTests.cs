using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Tests.Configuration;

public class ZcfgParserTests
{
    /// <summary>ZOO's HelloPy.zcfg, as in zoo-services/hello-py.</summary>
    private const string HelloPy = """
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

    private static string ErrorOf(string text) =>
        Assert.Throws<ConfigurationException>(() => ZcfgParser.Parse(text))!.Message;

    [Test]
    public void The_service_name_comes_from_the_first_header()
    {
        Assert.That(ZcfgParser.Parse(HelloPy).Name, Is.EqualTo("HelloPy"));
    }

    [Test]
    public void Process_keys_are_kept_in_file_order()
    {
        var process = ZcfgParser.Parse(HelloPy);

        Assert.That(process.Keys.Select(k => k.Key), Is.EqualTo(new[]
        {
            "Title", "Abstract", "processVersion", "storeSupported", "statusSupported", "serviceType", "serviceProvider",
        }));
    }

    [Test]
    public void Leading_indentation_is_not_part_of_a_value()
    {
        Assert.That(ZcfgParser.Parse(HelloPy).Title, Is.EqualTo("Create a welcome message string."));
    }

    [Test]
    public void The_service_type_and_provider_are_read()
    {
        var process = ZcfgParser.Parse(HelloPy);

        Assert.That((process.ServiceType, process.ServiceProvider), Is.EqualTo(("Python", "test_service")));
    }

    [Test]
    public void Process_metadata_is_read()
    {
        Assert.That(ZcfgParser.Parse(HelloPy).Metadata, Is.EqualTo(new[] { KeyValuePair.Create("title", "Demo") }));
    }

    [Test]
    public void Inputs_and_outputs_are_read_by_name()
    {
        var process = ZcfgParser.Parse(HelloPy);

        Assert.That((process.Inputs.Single().Name, process.Outputs.Single().Name), Is.EqualTo(("a", "Result")));
    }

    [Test]
    public void Input_keys_are_read()
    {
        var input = ZcfgParser.Parse(HelloPy).Inputs[0];

        Assert.That((input.Title, input.MinOccurs, input.MaxOccurs), Is.EqualTo(("Input string", "1", "1")));
    }

    [Test]
    public void Input_metadata_is_read()
    {
        var input = ZcfgParser.Parse(HelloPy).Inputs[0];

        Assert.That(input.Metadata, Is.EqualTo(new[] { KeyValuePair.Create("title", "My test") }));
    }

    [Test]
    public void A_literal_data_block_is_literal()
    {
        var data = ZcfgParser.Parse(HelloPy).Inputs[0].Data!;

        Assert.That((data.Kind, data.Tag), Is.EqualTo((DataKind.Literal, "LiteralData")));
    }

    [Test]
    public void Keys_before_Default_belong_to_the_default()
    {
        var data = ZcfgParser.Parse(HelloPy).Inputs[0].Data!;

        Assert.That(data.Default!.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { "dataType=string", "uom=meter" }));
    }

    [Test]
    public void A_supported_block_is_read()
    {
        var data = ZcfgParser.Parse(HelloPy).Outputs[0].Data!;

        Assert.That(data.Supported.Single()["uom"], Is.EqualTo("meter"));
    }

    [Test]
    public void Header_only_mode_reads_the_process_keys()
    {
        var process = ZcfgParser.Parse(HelloPy, headerOnly: true);

        Assert.That(process.Keys["processVersion"], Is.EqualTo("2"));
    }

    [Test]
    public void Header_only_mode_stops_before_DataInputs()
    {
        var process = ZcfgParser.Parse(HelloPy, headerOnly: true);

        Assert.That(process.Inputs.Count + process.Outputs.Count, Is.Zero);
    }

    [Test]
    public void Header_only_mode_does_not_read_what_follows_DataInputs()
    {
        const string text = """
            [S]
             Title = t
             <DataInputs>
              this line is garbage
            """;

        Assert.That(ZcfgParser.Parse(text, headerOnly: true).Title, Is.EqualTo("t"));
    }

    [Test]
    public void A_self_closed_Default_makes_an_empty_default()
    {
        const string text = """
            [S]
             <DataOutputs>
              [Result]
               <ComplexData>
                <Default />
               </ComplexData>
             </DataOutputs>
            """;

        Assert.That(ZcfgParser.Parse(text).Outputs[0].Data!.Default, Is.Not.Null.And.Empty);
    }

    [Test]
    public void Keys_before_a_self_closed_Default_belong_to_the_default()
    {
        const string text = """
            [S]
             <DataInputs>
              [x]
               <LiteralData>
                dataType = float
                range = [0,1]
                <Default />
               </LiteralData>
             </DataInputs>
            """;

        Assert.That(ZcfgParser.Parse(text).Inputs[0].Data!.Default!["range"], Is.EqualTo("[0,1]"));
    }

    [Test]
    public void Several_supported_blocks_are_kept_in_order()
    {
        const string text = """
            [S]
             <DataInputs>
              [in]
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
             </DataInputs>
            """;

        var data = ZcfgParser.Parse(text).Inputs[0].Data!;

        Assert.That(data.Supported.Select(s => s["mimeType"]), Is.EqualTo(new[] { "text/xml", "image/png" }));
    }

    [Test]
    public void Additional_parameters_are_read_at_process_level()
    {
        const string text = """
            [S]
             <AdditionalParameters>
              role = r
              category = arithmetic
             </AdditionalParameters>
            """;

        Assert.That(ZcfgParser.Parse(text).AdditionalParameters.Select(p => p.Key), Is.EqualTo(new[] { "role", "category" }));
    }

    [Test]
    public void Additional_parameters_are_read_at_io_level()
    {
        const string text = """
            [S]
             <DataOutputs>
              [Result]
               <AdditionalParameters>
                sameAs = message
               </AdditionalParameters>
               <LiteralOutput>
                dataType = string
                <Default />
               </LiteralOutput>
             </DataOutputs>
            """;

        Assert.That(ZcfgParser.Parse(text).Outputs[0].AdditionalParameters,
            Is.EqualTo(new[] { KeyValuePair.Create("sameAs", "message") }));
    }

    [Test]
    public void Metadata_with_several_keys_keeps_them_all_in_order()
    {
        const string text = """
            [S]
             <MetaData>
              title = Doc
              href = https://example.org/doc
              role = https://example.org/role
             </MetaData>
            """;

        Assert.That(ZcfgParser.Parse(text).Metadata.Select(p => p.Key), Is.EqualTo(new[] { "title", "href", "role" }));
    }

    [Test]
    public void Nested_DataInputs_become_the_inputs_of_their_parent()
    {
        const string text = """
            [S]
             <DataInputs>
              [parent]
               Title = Parent
               <DataInputs>
                [child1]
                 <LiteralData>
                  dataType = string
                  <Default />
                 </LiteralData>
                [child2]
                 <LiteralData>
                  dataType = integer
                  <Default />
                 </LiteralData>
               </DataInputs>
              [sibling]
               <LiteralData>
                dataType = string
                <Default />
               </LiteralData>
             </DataInputs>
            """;

        var process = ZcfgParser.Parse(text);

        Assert.That(process.Inputs[0].Nested.Select(i => i.Name), Is.EqualTo(new[] { "child1", "child2" }));
    }

    [Test]
    public void An_input_after_a_nested_list_is_a_sibling_of_its_parent()
    {
        const string text = """
            [S]
             <DataInputs>
              [parent]
               <DataInputs>
                [child]
                 <LiteralData>
                  dataType = string
                  <Default />
                 </LiteralData>
               </DataInputs>
              [sibling]
               <LiteralData>
                dataType = string
                <Default />
               </LiteralData>
             </DataInputs>
            """;

        Assert.That(ZcfgParser.Parse(text).Inputs.Select(i => i.Name), Is.EqualTo(new[] { "parent", "sibling" }));
    }

    [Test]
    public void A_container_input_has_no_data_block()
    {
        const string text = """
            [S]
             <DataInputs>
              [parent]
               <DataInputs>
                [child]
                 <LiteralData>
                  dataType = string
                  <Default />
                 </LiteralData>
               </DataInputs>
             </DataInputs>
            """;

        Assert.That(ZcfgParser.Parse(text).Inputs[0].Data, Is.Null);
    }

    [TestCase("LiteralOutput", DataKind.Literal)]
    [TestCase("ComplexOutput", DataKind.Complex)]
    [TestCase("BoundingBoxOutput", DataKind.BoundingBox)]
    [TestCase("ComplexData", DataKind.Complex)]
    [TestCase("BoundingBoxData", DataKind.BoundingBox)]
    public void An_output_data_tag_gives_its_kind_and_keeps_its_spelling(string tag, DataKind kind)
    {
        var text = $"""
            [S]
             <DataOutputs>
              [Result]
               <{tag}>
                <Default />
               </{tag}>
             </DataOutputs>
            """;

        var data = ZcfgParser.Parse(text).Outputs[0].Data!;

        Assert.That((data.Kind, data.Tag), Is.EqualTo((kind, tag)));
    }

    [Test]
    public void Unbounded_maxOccurs_reads_as_1000()
    {
        const string text = """
            [S]
             <DataInputs>
              [n]
               maxOccurs = unbounded
               <LiteralData>
                <Default />
               </LiteralData>
             </DataInputs>
            """;

        Assert.That(ZcfgParser.Parse(text).Inputs[0].MaxOccurs, Is.EqualTo("1000"));
    }

    [Test]
    public void Occurrences_default_to_0_and_1()
    {
        const string text = """
            [S]
             <DataInputs>
              [n]
               <LiteralData>
                <Default />
               </LiteralData>
             </DataInputs>
            """;

        var input = ZcfgParser.Parse(text).Inputs[0];

        Assert.That((input.MinOccurs, input.MaxOccurs), Is.EqualTo(("0", "1")));
    }

    [Test]
    public void Crlf_line_ends_are_accepted()
    {
        var process = ZcfgParser.Parse(HelloPy.ReplaceLineEndings("\r\n"));

        Assert.That(process.Outputs[0].Data!.Default!["uom"], Is.EqualTo("meter"));
    }

    [Test]
    public void ReadFile_of_a_missing_file_says_file_not_found()
    {
        var error = Assert.Throws<ConfigurationException>(
            () => ZcfgParser.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zcfg")));

        Assert.That(error!.Message, Is.EqualTo("file not found"));
    }

    [Test]
    public void An_unclosed_block_is_an_error_with_a_line_number()
    {
        const string text = """
            [S]
             Title = t
             <MetaData>
              title = x
            """;

        Assert.That(ErrorOf(text), Does.StartWith("error: line 4:").And.Contain("<MetaData> is not closed"));
    }

    [Test]
    public void An_unclosed_data_block_is_an_error()
    {
        const string text = """
            [S]
             <DataOutputs>
              [Result]
               <LiteralData>
                <Default />
             </DataOutputs>
            """;

        Assert.That(ErrorOf(text), Does.StartWith("error: line "));
    }

    [Test]
    public void A_key_before_the_name_is_an_error_on_line_1()
    {
        Assert.That(ErrorOf("Title = t\n[S]\n"), Does.StartWith("error: line 1:"));
    }

    [Test]
    public void The_refused_line_is_also_given_apart_from_the_message()
    {
        var error = Assert.Throws<ConfigurationException>(() => ZcfgParser.Parse("[S]\n Title = t\n\n what\n"))!;

        Assert.That(error.Line, Is.EqualTo(4));
    }

    [Test]
    public void A_second_data_block_is_an_error_naming_the_input_and_line()
    {
        const string text = """
            [S]
             <DataInputs>
              [in]
               <LiteralData>
                <Default />
               </LiteralData>
               <ComplexData>
                <Default />
               </ComplexData>
             </DataInputs>
            """;

        Assert.That(ErrorOf(text), Does.StartWith("error: line 7:").And.Contain("[in]"));
    }

    [Test]
    public void An_empty_file_is_an_error()
    {
        Assert.That(ErrorOf(""), Does.StartWith("error: line "));
    }

    [Test]
    public void A_blank_file_is_an_error()
    {
        Assert.That(ErrorOf("\n  \n\n"), Does.StartWith("error: line "));
    }

    [Test]
    public void A_garbage_line_is_an_error_naming_its_line()
    {
        const string text = """
            [S]
             Title = t
             this is not a key
             Abstract = a
            """;

        Assert.That(ErrorOf(text), Does.StartWith("error: line 3:"));
    }

    [Test]
    public void A_key_with_a_space_inside_is_an_error()
    {
        Assert.That(ErrorOf("[S]\n my key = v\n"), Does.StartWith("error: line 2:"));
    }

    [Test]
    public void An_unknown_tag_is_an_error()
    {
        Assert.That(ErrorOf("[S]\n <Nonsense>\n </Nonsense>\n"), Does.StartWith("error: line 2:"));
    }
}
