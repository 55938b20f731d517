using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// How requests reach the routes (spec/ogcapi.md §1.2, §1.4, §2.2 rootHost/rootPath, §3.1; test plan §7.2 item 18):
/// both CGI forms, query parameters, trailing slashes, HEAD, OPTIONS with CORS on, unknown paths and methods, and the
/// per-user namespace in every href. main.cfg has cors=true here.
/// </summary>
[TestFixture]
public sealed class RoutingEdgeCaseTests : OgcApiFixture
{
    protected override void Prepare(ServiceDirectory services) => services.SetConfig("main", "cors", "true");

    [Test]
    public void Root_with_f_json_is_the_landing_page()
    {
        var answer = Api.Get("/?f=json");

        Assert.That((answer.StatusCode, answer.LinksOf("self")), Is.EqualTo((200, new[] { RootUrl + "/" })), answer.ToString);
    }

    [TestCase("/conformance/")]
    [TestCase("/processes/")]
    [TestCase("/processes/echo/")]
    [TestCase("/jobs/")]
    public void A_trailing_slash_is_tolerated(string target)
    {
        var answer = Api.Get(target);

        Assert.That(answer.StatusCode, Is.EqualTo(200), answer.ToString);
    }

    [Test]
    public void A_question_mark_in_the_rewritten_query_string_starts_the_parameters()
    {
        var answer = CgiProcess.Get(Services.Path, "/processes?limit=1");

        var processes = new ApiResponse(answer).Object["processes"] as JsonArray ?? [];

        Assert.That(processes, Has.Count.EqualTo(1), answer.Text);
    }

    [TestCase("/")]
    [TestCase("/processes?limit=2")]
    [TestCase("/processes/echo")]
    [TestCase("/conformance")]
    public void Path_info_gives_the_same_document_as_the_rewrite(string target)
    {
        var rewritten = Api.Get(target);
        var pathInfo = Api.In(ApiForm.PathInfo).Get(target);

        Assert.That(ApiJson.Same(pathInfo.Json, rewritten.Json), pathInfo + "\n---\n" + rewritten);
    }

    [Test]
    public void Path_info_reaches_the_execution_too()
    {
        var answer = Api.In(ApiForm.PathInfo).Post("/processes/echo/execution",
            Execute(new JsonObject { ["a"] = "through PATH_INFO" }, ByValue("a")));

        Assert.That(ApiJson.Text(answer.Object["a"]), Is.EqualTo("through PATH_INFO"), answer.ToString);
    }

    [Test]
    public void Head_answers_the_headers_of_get_without_a_body()
    {
        var answer = Api.Head("/processes");

        Assert.That((answer.StatusCode, answer.MediaType, answer.Body.Length), Is.EqualTo((200, "application/json", 0)), answer.ToString);
    }

    [Test]
    public void A_json_answer_has_its_exact_content_length()
    {
        var answer = Api.Get("/");

        Assert.That(answer.Header("Content-Length"), Is.EqualTo(answer.Body.Length.ToString(CultureInfo.InvariantCulture)), answer.ToString);
    }

    [Test]
    public void Options_with_cors_on_answers_200_cors_is_enabled()
    {
        var answer = Api.Options("/processes");

        Assert.That((answer.StatusCode, answer.Text.TrimEnd()), Is.EqualTo((200, "CORS is enabled.")), answer.ToString);
    }

    [TestCase("/foo")]
    [TestCase("/foo/processes")]
    [TestCase("/processes/echo/jobs")]
    [TestCase("/jobs/x/results/y/z")]
    public void An_unknown_path_is_a_404_not_found(string target)
    {
        var answer = Api.Get(target);

        Assert.That((answer.StatusCode, answer.Member("type")), Is.EqualTo((404, "NotFound")), answer.ToString);
    }

    [Test]
    public void An_unknown_path_answers_a_valid_exception()
    {
        JsonSchemaValidator.AssertValid("exception", Api.Get("/foo"));
    }

    [TestCase("POST", "/jobs", "GET")]
    [TestCase("GET", "/processes/echo/execution", "POST")]
    [TestCase("PUT", "/processes/echo", "GET")]
    [TestCase("DELETE", "/processes", "GET")]
    [TestCase("POST", "/conformance", "GET")]
    public void A_known_path_with_another_method_is_a_405_that_says_what_is_allowed(string method, string target, string allowed)
    {
        var answer = Api.Send(method, target, method is "POST" or "PUT" ? "{}"u8.ToArray() : [], method is "POST" or "PUT" ? ApiCalls.Json : null);

        var allow = answer.Header("Allow")?.Split(',').Select(m => m.Trim()).ToList() ?? [];

        Assert.That((answer.StatusCode, allow.Contains(allowed)), Is.EqualTo((405, true)), answer.ToString);
    }

    [Test]
    public void A_405_answers_a_valid_exception()
    {
        var answer = Api.Post("/jobs", "{}");

        JsonSchemaValidator.AssertValid("exception", answer);
    }
}

/// <summary>
/// ZOO's per-user namespaces (spec/ogcapi.md §1.2 SERVICES_NAMESPACE, §2.2 rootHost/rootPath/globalNamespace): the web
/// server sets SERVICES_NAMESPACE and every href the API writes is under <c>&lt;rootHost&gt;/&lt;ns&gt;/&lt;rootPath&gt;</c>.
/// </summary>
[TestFixture]
public sealed class ServicesNamespaceTests : OgcApiFixture
{
    private const string NamespacedRoot = RootHost + "/alice/" + RootPath;

    private ApiCalls Alice => Api.WithVariable("SERVICES_NAMESPACE", "alice");

    [TestCase("/")]
    [TestCase("/processes")]
    [TestCase("/processes/echo")]
    [TestCase("/jobs")]
    public void Every_href_is_under_the_namespaced_root(string target)
    {
        var answer = Alice.Get(target);
        var hrefs = ApiJson.AllLinkHrefs(answer.Json).ToList();

        Assert.That(hrefs, Is.Not.Empty.And.All.StartsWith(NamespacedRoot + "/"), answer.ToString);
    }

    [Test]
    public void A_job_location_is_under_the_namespaced_root()
    {
        var answer = Alice.Post("/processes/echo/execution", Execute(new JsonObject { ["a"] = "ns" }, ByValue("a")), prefer: "respond-async");

        Assert.That(answer.Header("Location"), Does.StartWith(NamespacedRoot + "/jobs/"), answer.ToString);
    }

    [Test]
    public void The_global_namespace_does_not_appear_in_hrefs()
    {
        var answer = Api.WithVariable("SERVICES_NAMESPACE", "anonymous").Get("/");

        Assert.That(answer.LinksOf("self"), Is.EqualTo(new[] { RootUrl + "/" }), answer.ToString);
    }
}
