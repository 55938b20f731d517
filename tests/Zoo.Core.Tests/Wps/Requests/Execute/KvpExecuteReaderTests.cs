using System.Diagnostics;
using Zoo.Core.Configuration;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Wps.Requests.Execute;

public class KvpExecuteReaderTests
{
    private static ExecuteRequest Read(Limits limits, params (string Name, string Value)[] parameters) =>
        KvpExecuteReader.Read(new ConfigValues(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))), "Process", limits);

    private static ExecuteRequest Read(params (string Name, string Value)[] parameters) => Read(Limits.Defaults, parameters);

    private static InputValue Input(string dataInputs) => Read(("DataInputs", dataInputs)).Inputs.Single();

    private static OutputRequest Output(string responseDocument) => Read(("ResponseDocument", responseDocument)).Outputs.Single();

    private static IEnumerable<string> Keys(ConfigValues attributes) => attributes.Select(a => a.Key);

    private static OwsError Refusal(Limits limits, string name, string value) =>
        Assert.Throws<WpsException>(() => Read(limits, (name, value)))!.Errors[0];

    /// <summary>How long reading <paramref name="dataInputs"/> takes, once the reader has been run.</summary>
    private static TimeSpan TimeToRead(string dataInputs)
    {
        Input("a=warm@up");
        var clock = Stopwatch.StartNew();
        Input(dataInputs);
        return clock.Elapsed;
    }

    [Test]
    public void Inputs_separated_by_semicolons_are_read_in_order()
    {
        var inputs = Read(("DataInputs", "a=1;b=2")).Inputs;

        Assert.That(inputs.Select(i => (i.Name, i.Value)), Is.EqualTo(new[] { ("a", "1"), ("b", "2") }));
    }

    [Test]
    public void Without_DataInputs_there_are_no_inputs()
    {
        Assert.That(Read(("ResponseDocument", "Result")).Inputs, Is.Empty);
    }

    [Test]
    public void The_mime_type_and_encoding_attributes_are_kept()
    {
        var input = Input("a=<x/>@mimeType=text/xml@encoding=UTF-8");

        Assert.That(input.Attributes.Select(a => (a.Key, a.Value)),
            Is.EqualTo(new[] { ("mimeType", "text/xml"), ("encoding", "UTF-8") }));
    }

    [Test]
    public void Attribute_names_are_recognised_without_regard_to_case_and_kept_in_their_canonical_spelling()
    {
        var input = Input("a=<x/>@MIMETYPE=text/xml@Encoding=UTF-8@schema=http://example.org/a.xsd");

        Assert.That(Keys(input.Attributes), Is.EqualTo(new[] { "mimeType", "encoding", "schema" }));
    }

    [TestCase("cache_file=/etc/passwd")]
    [TestCase("size=1")]
    [TestCase("isArray=true")]
    [TestCase("inRequest=false")]
    [TestCase("byValue=true")]
    [TestCase("cache_url=http://evil.example.org/x")]
    [TestCase("foo=bar")]
    [TestCase("Cache_File=/etc/passwd")]
    public void A_key_the_grammar_does_not_know_is_not_an_attribute(string attribute)
    {
        Assert.That(Input("a=1@" + attribute).Attributes, Is.Empty);
    }

    [TestCase("cache_file=/etc/passwd")]
    [TestCase("size=1")]
    [TestCase("isArray=true")]
    [TestCase("inRequest=false")]
    [TestCase("byValue=true")]
    [TestCase("cache_url=http://evil.example.org/x")]
    [TestCase("foo=bar")]
    public void A_key_the_grammar_does_not_know_does_not_join_the_value(string attribute)
    {
        Assert.That(Input("a=1@" + attribute).Value, Is.EqualTo("1"));
    }

    [Test]
    public void An_unknown_key_between_known_ones_leaves_them_kept()
    {
        var input = Input("a=1@mimeType=text/plain@cache_file=/etc/passwd@encoding=UTF-8");

        Assert.That(input.Attributes.Select(a => (a.Key, a.Value)),
            Is.EqualTo(new[] { ("mimeType", "text/plain"), ("encoding", "UTF-8") }));
    }

    [TestCase("a=<x/>@mimeType=text/xml@encoding=UTF-8", "<x/>", TestName = "Attributes_do_not_join_the_value")]
    [TestCase("a=me@example.org", "me@example.org", TestName = "An_at_sign_without_an_equals_stays_in_the_value")]
    [TestCase("a=x@y z=1", "x@y z=1", TestName = "A_piece_whose_name_holds_a_space_stays_in_the_value")]
    [TestCase("a=x%3By%40z", "x;y@z", TestName = "Values_are_percent_decoded_once_more_so_that_they_may_carry_semicolons")]
    [TestCase("a", "Reference", TestName = "An_input_without_an_equals_and_without_reference_has_the_value_Reference")]
    [TestCase("a=@xlink:href=http://data.example.org/a.xml", null, TestName = "A_reference_has_no_value")]
    public void The_value_of_an_input(string dataInputs, string? value)
    {
        Assert.That(Input(dataInputs).Value, Is.EqualTo(value));
    }

    [Test]
    public void An_at_sign_without_an_equals_is_not_an_attribute()
    {
        Assert.That(Input("a=me@example.org").Attributes, Is.Empty);
    }

    [TestCase("a=1@schema=http://user@example.org/a.xsd", "schema", "http://user@example.org/a.xsd",
        TestName = "An_at_sign_after_an_attribute_stays_in_the_attribute")]
    [TestCase("a=<x/>@mimeType=text/xml%3B subtype=gml/3.1.1", "mimeType", "text/xml; subtype=gml/3.1.1",
        TestName = "An_escaped_semicolon_keeps_a_mime_type_parameter_in_the_input_attribute")]
    [TestCase("a=@xlink:href=http://data.example.org/a@mimeType=text/xml", "mimeType", "text/xml",
        TestName = "The_mime_type_of_a_reference_is_kept_as_an_attribute")]
    public void An_attribute_of_an_input(string dataInputs, string key, string value)
    {
        Assert.That(Input(dataInputs).Attributes[key], Is.EqualTo(value));
    }

    [Test]
    public void The_name_is_trimmed()
    {
        Assert.That(Input(" a =1").Name, Is.EqualTo("a"));
    }

    [Test]
    public void A_value_of_a_hundred_thousand_at_pieces_keeps_them_all()
    {
        var pieces = string.Concat(Enumerable.Repeat("@y", 100_000));

        Assert.That(Input("a=x" + pieces).Value, Has.Length.EqualTo(200_001));
    }

    [TestCase("@y", TestName = "A_value_of_a_hundred_thousand_at_pieces_is_read_in_well_under_a_second")]
    [TestCase("@foo=bar", TestName = "A_hundred_thousand_unknown_attributes_are_read_in_well_under_a_second")]
    public void A_hundred_thousand_pieces_are_read_in_well_under_a_second(string piece)
    {
        var dataInputs = "a=x" + string.Concat(Enumerable.Repeat(piece, 100_000));

        Assert.That(TimeToRead(dataInputs), Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [TestCase("a=@xlink:href=http://data.example.org/a.xml", TestName = "An_xlink_href_makes_a_reference")]
    [TestCase("a=@href=http://data.example.org/a.xml", TestName = "A_plain_href_makes_a_reference")]
    public void An_href_makes_a_reference(string dataInputs)
    {
        Assert.That(Input(dataInputs).Reference?.Href, Is.EqualTo("http://data.example.org/a.xml"));
    }

    [TestCase("a=@xlink:href=http://data.example.org/a.xml", "GET", TestName = "A_reference_without_method_or_body_is_a_GET")]
    [TestCase("a=@xlink:href=http://data.example.org/wps@body=<Execute/>", "POST", TestName = "A_reference_with_a_body_and_no_method_is_a_POST")]
    [TestCase("a=@xlink:href=http://data.example.org/wps@method=post", "POST", TestName = "The_method_of_a_reference_is_upper_cased")]
    public void The_method_of_a_reference(string dataInputs, string method)
    {
        Assert.That(Input(dataInputs).Reference?.Method, Is.EqualTo(method));
    }

    [Test]
    public void The_body_of_a_reference_is_kept_with_its_equals_signs()
    {
        Assert.That(Input("a=@xlink:href=http://data.example.org/wps@body=x=1").Reference?.Body, Is.EqualTo("x=1"));
    }

    [Test]
    public void The_headers_of_a_reference_are_split_on_commas_and_colons()
    {
        var reference = Input("a=@xlink:href=http://data.example.org/a@headers=Accept: text/xml,X-Key:1").Reference!;

        Assert.That(reference.Headers.Select(h => (h.Key, h.Value)), Is.EqualTo(new[] { ("Accept", "text/xml"), ("X-Key", "1") }));
    }

    [Test]
    public void As_many_inputs_as_the_limit_are_accepted()
    {
        var limits = Limits.Defaults with { MaxInputs = 2 };

        Assert.That(Read(limits, ("DataInputs", "a=1;b=2")).Inputs, Has.Count.EqualTo(2));
    }

    [Test]
    public void More_inputs_than_the_limit_are_an_InvalidParameterValue_located_at_DataInputs()
    {
        var error = Refusal(Limits.Defaults with { MaxInputs = 2 }, "DataInputs", "a=1;b=2;c=3");

        Assert.That((error.Code, error.Locator), Is.EqualTo(("InvalidParameterValue", "DataInputs")));
    }

    [Test]
    public void The_outputs_of_a_ResponseDocument_are_read_in_order()
    {
        var request = Read(("ResponseDocument", "A;B@asReference=true"));

        Assert.That(request.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "A", "B" }));
    }

    [TestCase("ResponseDocument", "Result", ResponseKind.Document, TestName = "A_ResponseDocument_answers_with_a_document")]
    [TestCase("RawDataOutput", "Result@mimeType=text/plain", ResponseKind.Raw, TestName = "A_RawDataOutput_answers_raw")]
    public void The_parameter_naming_the_outputs_chooses_the_response(string parameter, string outputs, ResponseKind response)
    {
        Assert.That(Read((parameter, outputs)).Response, Is.EqualTo(response));
    }

    [Test]
    public void The_attributes_of_an_output_are_kept()
    {
        var output = Output("Result@asReference=true@mimeType=image/png@encoding=base64@schema=http://example.org/a.xsd@uom=meter");

        Assert.That(output.Attributes.Select(a => (a.Key, a.Value)), Is.EqualTo(new[]
        {
            ("asReference", "true"), ("mimeType", "image/png"), ("encoding", "base64"), ("schema", "http://example.org/a.xsd"),
            ("uom", "meter"),
        }));
    }

    [Test]
    public void An_unknown_output_attribute_is_dropped()
    {
        Assert.That(Keys(Output("Result@cache_file=/etc/passwd@asReference=true").Attributes), Is.EqualTo(new[] { "asReference" }));
    }

    [Test]
    public void An_unknown_output_attribute_does_not_join_the_name()
    {
        Assert.That(Output("Result@cache_file=/etc/passwd").Name, Is.EqualTo("Result"));
    }

    [Test]
    public void A_mime_type_parameter_after_a_semicolon_stays_in_the_output_mime_type()
    {
        var output = Output("Result@mimeType=text/xml;subtype=gml/3.1.1@asReference=true");

        Assert.That(output.Attributes["mimeType"], Is.EqualTo("text/xml;subtype=gml/3.1.1"));
    }

    [Test]
    public void A_mime_type_parameter_after_a_semicolon_is_not_an_output()
    {
        var request = Read(("ResponseDocument", "Result@mimeType=text/xml;subtype=gml/3.1.1@asReference=true"));

        Assert.That(request.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "Result" }));
    }

    [Test]
    public void The_attribute_after_a_mime_type_parameter_is_kept()
    {
        Assert.That(Output("Result@mimeType=text/xml;subtype=gml/3.1.1@asReference=true").AsReference, Is.True);
    }

    [Test]
    public void As_many_outputs_as_the_limit_are_accepted()
    {
        var limits = Limits.Defaults with { MaxOutputs = 2 };

        Assert.That(Read(limits, ("ResponseDocument", "A;B")).Outputs, Has.Count.EqualTo(2));
    }

    [Test]
    public void More_outputs_than_the_limit_are_refused_at_ResponseDocument()
    {
        var error = Refusal(Limits.Defaults with { MaxOutputs = 2 }, "ResponseDocument", "A;B;C");

        Assert.That((error.Code, error.Locator), Is.EqualTo(("InvalidParameterValue", "ResponseDocument")));
    }

    [Test]
    public void More_raw_outputs_than_the_limit_are_refused_at_RawDataOutput()
    {
        Assert.That(Refusal(Limits.Defaults with { MaxOutputs = 1 }, "RawDataOutput", "A;B").Locator, Is.EqualTo("RawDataOutput"));
    }

    [Test]
    public void Status_true_runs_asynchronously()
    {
        var request = Read(("ResponseDocument", "Result"), ("storeExecuteResponse", "true"), ("status", "TRUE"));

        Assert.That((request.Status, request.StoreExecuteResponse, request.Mode), Is.EqualTo((true, true, ExecutionMode.Async)));
    }

    [Test]
    public void Without_status_the_run_is_synchronous()
    {
        Assert.That(Read(("ResponseDocument", "Result")).Mode, Is.EqualTo(ExecutionMode.Sync));
    }

    [Test]
    public void Lineage_true_is_read()
    {
        Assert.That(Read(("ResponseDocument", "Result"), ("lineage", "true")).Lineage, Is.True);
    }
}
