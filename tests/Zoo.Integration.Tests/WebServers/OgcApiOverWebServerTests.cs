using System.Net;
using System.Text.Json.Nodes;

namespace Zoo.Integration.Tests.WebServers;

/// <summary>
/// OGC API - Processes through each web server serve.sh deploys: /ogc-api/X?q reaches zoo_loader.cgi as ?/X&amp;q (nginx's
/// rewrite, ZOO's mod_rewrite rule under Apache), and the kernel's JSON answers keep their HTTP statuses.
/// </summary>
[TestFixture("nginx")]
[TestFixture("apache")]
public sealed class OgcApiOverWebServerTests(string server)
{
    private static readonly Dictionary<string, string> AcceptJson = new() { ["Accept"] = "application/json" };

    private ServedCopy _served = null!;

    [OneTimeSetUp]
    public void Serve() => _served = ServedCopy.Start(server);

    [OneTimeTearDown]
    public void Stop() => _served?.Dispose();

    private string Api => _served.Root + "/ogc-api";

    [Test]
    public void The_process_list_is_JSON()
    {
        var answer = _served.Get(Api + "/processes", AcceptJson);

        Assert.That((answer.Status, answer.MediaType), Is.EqualTo((HttpStatusCode.OK, "application/json")), answer.ToString());
    }

    [Test]
    public void The_landing_page_is_the_API_s_root()
    {
        var answer = _served.Get(Api + "/", AcceptJson);

        Assert.That((string?)JsonNode.Parse(answer.Text)!["links"]!.AsArray().FirstOrDefault(l => (string?)l!["rel"] == "self")?["href"],
            Is.EqualTo(Api + "/"), answer.ToString());
    }

    [Test]
    public void A_synchronous_execution_POSTed_as_JSON_answers_the_result()
    {
        var answer = _served.Post(Api + "/processes/HelloPy/execution", """{"inputs":{"a":"Toto"}}""", "application/json", AcceptJson);

        Assert.That((string?)JsonNode.Parse(answer.Text)!["Result"], Is.EqualTo("Hello Toto from Python World !"), answer.ToString());
    }

    [Test]
    public void An_unknown_path_is_a_JSON_404()
    {
        var answer = _served.Get(Api + "/no-such-resource", AcceptJson);

        Assert.That((answer.Status, answer.MediaType), Is.EqualTo((HttpStatusCode.NotFound, "application/json")), answer.ToString());
    }

    [Test]
    public void The_query_string_reaches_the_API_after_the_path()
    {
        var answer = _served.Post(Api + "/processes/HelloPy/execution?mode=async", """{"inputs":{"a":"Toto"}}""", "application/json", AcceptJson);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.ToString());
    }

    [Test]
    public void The_API_root_without_its_slash_is_redirected_to_it()
    {
        var answer = _served.Get(Api);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.MovedPermanently));
    }
}
