using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Execution;
using Zoo.Core.Tests.OgcApi.Processes;

namespace Zoo.Core.Tests.OgcApi.Execution;

public class RawResultsTests
{
    private static readonly ApiContext Context = ApiContexts.For(Path.GetTempPath(), "/jobs/x/results");

    private static CgiResponse Raw(string results) => RawResults.Build(Context, (JsonObject)JsonNode.Parse(results)!);

    private static string Body(CgiResponse response) => Encoding.UTF8.GetString(response.Body);

    [Test]
    public void One_literal_is_its_text()
    {
        var response = Raw("""{"a":"teststring"}""");

        Assert.That((response.Header("Content-Type"), Body(response)), Is.EqualTo(("text/plain; charset=utf-8", "teststring")));
    }

    [Test]
    public void One_base64_value_is_its_bytes_with_its_media_type()
    {
        var response = Raw("""{"e":{"value":"SUkqAA==","format":{"mediaType":"image/tiff","encoding":"base64"}}}""");

        Assert.That((response.Header("Content-Type"), response.Body), Is.EqualTo(("image/tiff", new byte[] { 0x49, 0x49, 0x2a, 0 })));
    }

    [Test]
    public void One_json_value_is_its_json() =>
        Assert.That(Body(Raw("""{"b":{"value":{"x":1},"format":{"mediaType":"application/json"}}}""")), Is.EqualTo("""{"x":1}"""));

    [Test]
    public void Outputs_by_reference_are_links_without_a_body()
    {
        var response = Raw("""{"a":{"href":"http://h/a"},"b":{"href":"http://h/b"}}""");

        Assert.That((response.Header("Status"), response.Headers.Where(h => h.Key == "Link").Select(h => h.Value)),
            Is.EqualTo(("204 No Content", new[] { "<http://h/a>; rel=\"a\"", "<http://h/b>; rel=\"b\"" })));
    }

    [Test]
    public void Two_outputs_are_a_multipart_related_body_with_a_part_each()
    {
        var response = Raw("""{"a":"x","b":{"value":"<b/>","format":{"mediaType":"text/xml"}}}""");
        var boundary = response.Header("Content-Type")!.Split("boundary=\"")[1].Split('"')[0];

        Assert.That(Body(response), Is.EqualTo(
            $"--{boundary}\r\nContent-ID: <a>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx\r\n" +
            $"--{boundary}\r\nContent-ID: <b>\r\nContent-Type: text/xml; charset=utf-8\r\n\r\n<b/>\r\n--{boundary}--\r\n"));
    }

    [Test]
    public void A_multipart_answer_says_which_part_starts_it() =>
        Assert.That(Raw("""{"a":"x","b":"y"}""").Header("Content-Type"), Does.StartWith("multipart/related; boundary=").And.EndWith("start=\"<a>\""));
}
