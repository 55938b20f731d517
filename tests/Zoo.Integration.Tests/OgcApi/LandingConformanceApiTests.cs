using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// The landing page, the conformance declaration and the API definition (spec/ogcapi.md §3.2, §3.3, §2.8;
/// test plan §7.2 items 1–3).
/// </summary>
[TestFixture]
public sealed class LandingConformanceApiTests : OgcApiFixture
{
    private const string ConformanceRel = "http://www.opengis.net/def/rel/ogc/1.0/conformance";
    private const string ProcessesRel = "http://www.opengis.net/def/rel/ogc/1.0/processes";
    private const string ConfPrefix = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/";

    private ApiResponse _landing = null!;
    private ApiResponse _conformance = null!;
    private ApiResponse _api = null!;

    [OneTimeSetUp]
    public void AskTheThreeDocuments()
    {
        _landing = Api.Get("/");
        _conformance = Api.Get("/conformance");
        _api = Api.Get("/api");
    }

    [Test]
    public void Landing_page_answers_200_with_json()
    {
        Assert.That((_landing.StatusCode, _landing.MediaType), Is.EqualTo((200, "application/json")), _landing.ToString);
    }

    [Test]
    public void Landing_page_is_a_valid_landingPage()
    {
        JsonSchemaValidator.AssertValid("landingPage", _landing);
    }

    [Test]
    public void Landing_page_title_is_the_identification_title_of_main_cfg()
    {
        Assert.That(_landing.Member("title"), Is.EqualTo(Services.Config("identification", "title")), _landing.ToString);
    }

    [Test]
    public void Landing_page_links_to_the_api_definition_or_its_documentation()
    {
        var rels = ApiJson.Links(_landing.Object).Select(l => l.Rel);

        Assert.That(rels, Has.Some.EqualTo("service-desc").Or.Some.EqualTo("service-doc"), _landing.ToString);
    }

    [TestCase(ConformanceRel, "/conformance")]
    [TestCase(ProcessesRel, "/processes")]
    public void Landing_page_links_to_the_resource_with_the_standard_rel(string rel, string path)
    {
        Assert.That(_landing.LinksOf(rel), Does.Contain(RootUrl + path), _landing.ToString);
    }

    [Test]
    public void Landing_page_self_link_is_the_root_url_with_one_slash()
    {
        Assert.That(_landing.LinksOf("self"), Is.EqualTo(new[] { RootUrl + "/" }), _landing.ToString);
    }

    [Test]
    public void Every_landing_page_href_is_absolute_and_under_the_root_url()
    {
        var hrefs = ApiJson.AllLinkHrefs(_landing.Object).ToList();

        Assert.That(hrefs, Is.Not.Empty.And.All.StartsWith(RootUrl + "/"), _landing.ToString);
    }

    [Test]
    public void Conformance_answers_200_with_a_valid_confClasses()
    {
        Assert.That(_conformance.StatusCode, Is.EqualTo(200), _conformance.ToString);
        JsonSchemaValidator.AssertValid("confClasses", _conformance);
    }

    [TestCase("core")]
    [TestCase("ogc-process-description")]
    [TestCase("json")]
    [TestCase("oas30")]
    [TestCase("job-list")]
    [TestCase("dismiss")]
    [TestCase("callback")]
    public void Conformance_declares_each_implemented_class_with_its_standard_uri(string conformanceClass)
    {
        var declared = (_conformance.Object["conformsTo"] as JsonArray ?? []).Select(ApiJson.Text);

        Assert.That(declared, Does.Contain(ConfPrefix + conformanceClass), _conformance.ToString);
    }

    [Test]
    public void Conformance_declares_none_of_the_wrong_uris_of_the_upstream_oas_cfg()
    {
        var declared = (_conformance.Object["conformsTo"] as JsonArray ?? []).Select(ApiJson.Text);

        Assert.That(declared, Has.None.Contains("/ogcapi-processes/1.0/req/"), _conformance.ToString);
    }

    [Test]
    public void Api_answers_200_as_an_openapi_3_0_document()
    {
        Assert.That((_api.StatusCode, _api.MediaType), Is.EqualTo((200, "application/vnd.oai.openapi+json")), _api.ToString);
        Assert.That(_api.ContentType.Replace(" ", ""), Does.Contain("version=3.0"), _api.ToString);
    }

    [Test]
    public void Api_declares_openapi_3_0_with_info_title_and_version()
    {
        var document = _api.Object;

        Assert.That(ApiJson.Text(document["openapi"]) ?? "", Does.Match(@"^3\.0\.\d+$"), _api.ToString);
        Assert.That(ApiJson.Text(document["info"]?["title"]), Is.Not.Null.And.Not.Empty, _api.ToString);
        Assert.That(ApiJson.Text(document["info"]?["version"]), Is.Not.Null.And.Not.Empty, _api.ToString);
    }

    [TestCase("/")]
    [TestCase("/conformance")]
    [TestCase("/processes")]
    [TestCase("/processes/{processID}")]
    [TestCase("/processes/{processID}/execution")]
    [TestCase("/jobs")]
    [TestCase("/jobs/{jobID}")]
    [TestCase("/jobs/{jobID}/results")]
    public void Api_describes_each_path_of_part_1(string path)
    {
        var paths = _api.Object["paths"] as JsonObject ?? [];

        Assert.That(paths.Select(p => p.Key), Does.Contain(path), _api.ToString);
    }

    [Test]
    public void Every_operation_of_the_api_has_responses()
    {
        string[] methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
        var paths = _api.Object["paths"] as JsonObject ?? [];
        var operations = paths
            .SelectMany(p => (p.Value as JsonObject ?? []).Where(o => methods.Contains(o.Key)).Select(o => (Where: $"{o.Key} {p.Key}", Operation: o.Value)))
            .ToList();

        Assert.That(operations, Is.Not.Empty, _api.ToString);
        Assert.That(operations.Where(o => o.Operation?["responses"] is not JsonObject { Count: > 0 }).Select(o => o.Where), Is.Empty);
    }
}
