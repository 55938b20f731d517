using System.Text;
using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// Synchronous execution of <c>echo</c> answered raw (spec/ogcapi.md §3.6 <c>response</c>, §3.7; test plan §7.2 item
/// 8): one output by value is its own body with its media type, several are a multipart/related body, outputs by
/// reference are a 204 with Link headers. oas.cfg does not set default_result_as_document here, so an execution that
/// names no response is raw, as the 1.0 standard has it.
/// </summary>
[TestFixture]
public sealed class SyncExecuteRawTests : OgcApiFixture
{
    private const string Xml = "<a>x</a>";

    private static readonly byte[] Tiff = [.. "II*\0"u8.ToArray(), .. Enumerable.Range(0, 256).Select(b => (byte)b)];

    protected override void Prepare(ServiceDirectory services) => RemoveOas("openapi", "default_result_as_document");

    private ApiResponse Raw(JsonObject inputs, JsonObject outputs, string? response = "raw", string? prefer = null) =>
        Api.Post("/processes/echo/execution", Execute(inputs, outputs, response), prefer);

    private static JsonObject XmlInput() => new() { ["value"] = Xml, ["mediaType"] = "text/xml" };

    [Test]
    public void One_literal_output_is_the_body_as_text_plain()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring" }, ByValue("a"));

        Assert.That((answer.StatusCode, answer.MediaType, answer.Text), Is.EqualTo((200, "text/plain", "teststring")), answer.ToString);
    }

    [Test]
    public void One_xml_output_is_the_body_with_its_media_type()
    {
        var answer = Raw(new JsonObject { ["b"] = XmlInput() }, ByValue("b"));

        Assert.That((answer.StatusCode, answer.MediaType, answer.Text), Is.EqualTo((200, "text/xml", Xml)), answer.ToString);
    }

    [Test]
    public void One_binary_output_is_the_bytes_with_its_media_type()
    {
        var inputs = new JsonObject { ["e"] = new JsonObject { ["value"] = Convert.ToBase64String(Tiff), ["mediaType"] = "image/tiff", ["encoding"] = "base64" } };

        var answer = Raw(inputs, ByValue("e"));

        Assert.That((answer.StatusCode, answer.MediaType), Is.EqualTo((200, "image/tiff")), answer.ToString);
        Assert.That(answer.Body, Is.EqualTo(Tiff));
    }

    [Test]
    public void A_raw_answer_has_a_single_content_type()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring" }, ByValue("a"));

        Assert.That(answer.Headers("Content-Type"), Has.Count.EqualTo(1), answer.ToString);
    }

    [Test]
    public void Two_outputs_are_a_multipart_related_body()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring", ["b"] = XmlInput() }, ByValue("a", "b"));

        Assert.That((answer.StatusCode, answer.MediaType), Is.EqualTo((200, "multipart/related")), answer.ToString);
    }

    [Test]
    public void Each_part_of_a_multipart_answer_is_one_output_named_by_its_content_id()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring", ["b"] = XmlInput() }, ByValue("a", "b"));

        var parts = MultipartRelated.Parts(answer.ContentType, answer.Body);

        Assert.That(parts.Select(p => (p.ContentId, p.Text)), Is.EquivalentTo(new[] { ("a", "teststring"), ("b", Xml) }), answer.ToString);
    }

    [Test]
    public void A_part_of_a_multipart_answer_has_its_output_media_type()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring", ["b"] = XmlInput() }, ByValue("a", "b"));

        var part = MultipartRelated.Parts(answer.ContentType, answer.Body).SingleOrDefault(p => p.ContentId == "b");

        Assert.That(part?.Header("Content-Type")?.Split(';')[0].Trim(), Is.EqualTo("text/xml"), answer.ToString);
    }

    [Test]
    public void Outputs_by_reference_are_a_204_without_body()
    {
        var answer = Raw(new JsonObject { ["b"] = XmlInput() }, new JsonObject { ["b"] = new JsonObject { ["transmissionMode"] = "reference" } });

        Assert.That((answer.StatusCode, answer.Body.Length), Is.EqualTo((204, 0)), answer.ToString);
    }

    [Test]
    public void An_output_by_reference_is_a_link_header_to_its_file_under_tmpUrl()
    {
        var answer = Raw(new JsonObject { ["b"] = XmlInput() }, new JsonObject { ["b"] = new JsonObject { ["transmissionMode"] = "reference" } });
        var tmpUrl = Services.Config("main", "tmpUrl")!.TrimEnd('/') + "/";

        var href = answer.Headers("Link").Select(l => l.Split('>')[0].TrimStart('<')).SingleOrDefault(h => h.StartsWith(tmpUrl, StringComparison.Ordinal))
                   ?? throw new AssertionException($"no Link to a file under {tmpUrl}:\n{answer}");

        Assert.That(File.ReadAllText(Path.Combine(Services.TmpPath, href[tmpUrl.Length..])), Is.EqualTo(Xml));
    }

    [Test]
    public void Without_response_the_answer_is_raw()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring" }, ByValue("a"), response: null);

        Assert.That((answer.StatusCode, answer.MediaType, answer.Text), Is.EqualTo((200, "text/plain", "teststring")), answer.ToString);
    }

    [Test]
    public void Prefer_return_representation_asks_for_a_document()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring" }, ByValue("a"), response: null, prefer: "return=representation");

        Assert.That((answer.StatusCode, answer.MediaType), Is.EqualTo((200, "application/json")), answer.ToString);
        Assert.That(ApiJson.Same(answer.Object["a"], JsonValue.Create("teststring")), answer.ToString);
    }

    [Test]
    public void The_response_member_wins_over_prefer_return_minimal()
    {
        var answer = Raw(new JsonObject { ["a"] = "teststring" }, ByValue("a"), response: "document", prefer: "return=minimal");

        Assert.That((answer.StatusCode, answer.MediaType), Is.EqualTo((200, "application/json")), answer.ToString);
    }

    [Test]
    public void A_raw_text_answer_is_utf8_text()
    {
        var answer = Raw(new JsonObject { ["a"] = "été ✓" }, ByValue("a"));

        Assert.That(Encoding.UTF8.GetString(answer.Body), Is.EqualTo("été ✓"), answer.ToString);
    }
}
