using System.Text;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Execution;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.OgcApi.Execution;

public class JsonExecuteReaderTests
{
    private const string Zcfg = """
        [echo]
         Title = Echo
         serviceType = Python
         serviceProvider = echo
         <DataInputs>
          [a]
           Title = a string
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default>
            </Default>
           </LiteralData>
          [b]
           Title = xml or json
           minOccurs = 0
           maxOccurs = 1
           <ComplexData>
            <Default>
             mimeType = text/xml
            </Default>
            <Supported>
             mimeType = application/json
            </Supported>
           </ComplexData>
          [c]
           Title = a box
           minOccurs = 0
           maxOccurs = 1
           <BoundingBoxData>
            <Default>
             CRS = http://www.opengis.net/def/crs/OGC/1.3/CRS84
            </Default>
           </BoundingBoxData>
          [e]
           Title = an image
           minOccurs = 0
           maxOccurs = 1
           <ComplexData>
            <Default>
             mimeType = image/tiff
            </Default>
           </ComplexData>
         </DataInputs>
         <DataOutputs>
          [a]
           Title = a
           <LiteralData>
            dataType = string
            <Default>
            </Default>
           </LiteralData>
         </DataOutputs>
        """;

    private static readonly ProcessDescription Process = ZcfgParser.Parse(Zcfg);

    private static ExecuteBody Read(string json, Limits? limits = null) =>
        JsonExecuteReader.Read(RequestBody.InMemory(Encoding.UTF8.GetBytes(json)), "echo", Process, limits ?? Limits.Defaults);

    private static ApiException Refusal(string json, Limits? limits = null) =>
        Assert.Throws<ApiException>(() => Read(json, limits))!;

    private static InputValue Input(string json) => Read(json).Request.Inputs.Single();

    [Test]
    public void A_plain_string_is_a_literal_value() =>
        Assert.That(Input("""{"inputs":{"a":"teststring"}}""").Value, Is.EqualTo("teststring"));

    [Test]
    public void A_number_keeps_its_text() =>
        Assert.That(Input("""{"inputs":{"a":12.50}}""").Value, Is.EqualTo("12.50"));

    [Test]
    public void An_array_gives_one_value_per_item_in_order() =>
        Assert.That(Read("""{"inputs":{"a":["x","y","z"]}}""").Request.Inputs.Select(i => i.Value), Is.EqualTo(new[] { "x", "y", "z" }));

    [Test]
    public void A_qualified_value_carries_its_media_type()
    {
        var input = Input("""{"inputs":{"b":{"value":"<a/>","format":{"mediaType":"text/xml"}}}}""");

        Assert.That((input.Value, input.Attributes["mimeType"]), Is.EqualTo(("<a/>", "text/xml")));
    }

    [Test]
    public void An_object_for_a_complex_input_is_its_json_text()
    {
        var input = Input("""{"inputs":{"b":{"x":[1,2]}}}""");

        Assert.That((input.Value, input.Attributes["mimeType"]), Is.EqualTo(("""{"x":[1,2]}""", "application/json")));
    }

    [Test]
    public void A_string_for_a_binary_input_is_read_as_base64() =>
        Assert.That(Input("""{"inputs":{"e":"SUkqAA=="}}""").Attributes["encoding"], Is.EqualTo("base64"));

    [Test]
    public void A_string_for_a_textual_input_is_not_base64() =>
        Assert.That(Input("""{"inputs":{"b":"<a/>"}}""").Attributes["encoding"], Is.Null);

    [Test]
    public void A_link_is_a_reference_with_its_type()
    {
        var input = Input("""{"inputs":{"b":{"href":"http://example.org/a.xml","type":"text/xml"}}}""");

        Assert.That((input.Reference?.Href, input.Attributes["mimeType"]), Is.EqualTo(("http://example.org/a.xml", "text/xml")));
    }

    [Test]
    public void A_bounding_box_splits_into_its_corners()
    {
        var box = Input("""{"inputs":{"c":{"bbox":[1,2,3,4],"crs":"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}}""").BoundingBox;

        Assert.That(box, Is.EqualTo(new BoundingBoxValue("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "2", "1 2", "3 4")));
    }

    [Test]
    public void A_bounding_box_without_a_crs_is_in_crs84() =>
        Assert.That(Input("""{"inputs":{"c":{"bbox":[1,2,3,4]}}}""").BoundingBox?.Crs, Is.EqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));

    [Test]
    public void A_bounding_box_of_five_numbers_is_refused() =>
        Assert.That(Refusal("""{"inputs":{"c":{"bbox":[1,2,3,4,5]}}}""").Status, Is.EqualTo(400));

    [Test]
    public void A_bounding_box_for_a_literal_input_is_refused() =>
        Assert.That(Refusal("""{"inputs":{"a":{"bbox":[1,2,3,4]}}}""").Detail, Is.EqualTo("Wrong type used for input a"));

    [Test]
    public void A_string_for_a_bounding_box_input_is_refused() =>
        Assert.That(Refusal("""{"inputs":{"c":"1,2,3,4"}}""").Detail, Is.EqualTo("Wrong type used for input c"));

    [Test]
    public void An_object_for_a_literal_input_is_refused() =>
        Assert.That(Refusal("""{"inputs":{"a":{"x":1}}}""").Detail, Is.EqualTo("Wrong type used for input a"));

    [Test]
    public void A_member_named_after_a_kernel_key_does_not_reach_the_input() =>
        Assert.That(Input("""{"inputs":{"b":{"value":"<a/>","cache_file":"/etc/passwd"}}}""").Attributes["cache_file"], Is.Null);

    [Test]
    public void An_output_by_reference_asks_for_a_reference() =>
        Assert.That(Read("""{"inputs":{},"outputs":{"a":{"transmissionMode":"reference"}}}""").Request.Outputs.Single().AsReference, Is.True);

    [Test]
    public void An_unknown_transmission_mode_is_refused() =>
        Assert.That(Refusal("""{"outputs":{"a":{"transmissionMode":"carrier-pigeon"}}}""").Code, Is.EqualTo("InvalidParameterValue"));

    [Test]
    public void Omitted_outputs_name_none() => Assert.That(Read("""{"inputs":{}}""").Request.Outputs, Is.Empty);

    [TestCase("raw", ResponseKind.Raw)]
    [TestCase("document", ResponseKind.Document)]
    public void The_response_member_is_read(string response, ResponseKind expected) =>
        Assert.That(Read($$"""{"inputs":{},"response":"{{response}}"}""").Response, Is.EqualTo(expected));

    [Test]
    public void No_response_member_leaves_the_choice_to_the_server() => Assert.That(Read("""{"inputs":{}}""").Response, Is.Null);

    [Test]
    public void The_subscriber_uris_are_read()
    {
        var subscriber = Read("""{"inputs":{},"subscriber":{"successUri":"http://127.0.0.1:1/ok","failedUri":"https://h/f"}}""").Subscriber;

        Assert.That((subscriber.SuccessUri?.ToString(), subscriber.InProgressUri, subscriber.FailedUri?.ToString()),
            Is.EqualTo(("http://127.0.0.1:1/ok", (Uri?)null, "https://h/f")));
    }

    [Test]
    public void A_subscriber_uri_that_is_not_http_is_refused() =>
        Assert.That(Refusal("""{"inputs":{},"subscriber":{"successUri":"file:///etc/passwd"}}""").Status, Is.EqualTo(400));

    [Test]
    public void An_empty_body_is_a_bad_request() => Assert.That(Refusal("").Code, Is.EqualTo("BadRequest"));

    [Test]
    public void Malformed_json_is_an_invalid_parameter() =>
        Assert.That(Refusal("""{"inputs":""").Detail, Does.StartWith("ZOO-Kernel cannot parse your POST data"));

    [Test]
    public void A_body_without_any_execute_member_is_refused() =>
        Assert.That(Refusal("""{"invalid-execute-request":"true)"}""").Status, Is.EqualTo(400));

    [Test]
    public void A_body_naming_another_process_is_refused() =>
        Assert.That(Refusal("""{"id":"other","inputs":{}}""").Status, Is.EqualTo(400));

    [Test]
    public void A_body_over_the_json_limit_is_refused_before_parsing() =>
        Assert.That(Refusal("""{"inputs":{"a":"0123456789"}}""", Limits.Defaults with { MaxJsonBytes = 10 }).Status, Is.EqualTo(413));

    [Test]
    public void More_values_than_the_limit_are_refused() =>
        Assert.That(Refusal("""{"inputs":{"a":["1","2","3"]}}""", Limits.Defaults with { MaxInputs = 2 }).Status, Is.EqualTo(400));

    [Test]
    public void Nesting_deeper_than_the_bound_is_refused()
    {
        var deep = new string('[', 100) + new string(']', 100);

        Assert.That(Refusal("{\"inputs\":{\"b\":{\"value\":" + deep + "}}}").Code, Is.EqualTo("InvalidParameterValue"));
    }
}
