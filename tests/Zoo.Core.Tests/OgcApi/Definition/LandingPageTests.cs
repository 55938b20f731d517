using Zoo.Core.OgcApi.Operations;

namespace Zoo.Core.Tests.OgcApi.Definition;

public sealed class LandingPageTests
{
    private const string Links = """
        [openapi]
        rootUrl=http://example.org/ogc-api
        links=/,/api,/conformance,/processes
        [/]
        rel=self
        type=application/json
        title=this document
        [/api]
        rel=service-desc
        type=application/vnd.oai.openapi+json;version=3.0
        title=the API definition
        [/conformance]
        rel=http://www.opengis.net/def/rel/ogc/1.0/conformance
        type=application/json
        title=Conformance
        [/processes]
        rel=http://www.opengis.net/def/rel/ogc/1.0/processes
        type=application/json
        title=Processes
        """;

    [Test]
    public void Title_and_description_come_from_the_identification_of_main_cfg()
    {
        var page = LandingPage.Build(ApiFixtures.Context(Links));

        Assert.That((page["title"]?.GetValue<string>(), page["description"]?.GetValue<string>()),
            Is.EqualTo(("Test server", "A server for tests")));
    }

    [Test]
    public void Each_link_is_its_section_with_an_href_under_the_root_url()
    {
        var page = LandingPage.Build(ApiFixtures.Context(Links));

        ApiFixtures.AssertJsonEqual(page["links"], """
            [{"rel":"self","type":"application/json","title":"this document","href":"http://example.org/ogc-api/"},
             {"rel":"service-desc","type":"application/vnd.oai.openapi+json;version=3.0","title":"the API definition","href":"http://example.org/ogc-api/api"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/conformance","type":"application/json","title":"Conformance","href":"http://example.org/ogc-api/conformance"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/processes","type":"application/json","title":"Processes","href":"http://example.org/ogc-api/processes"}]
            """);
    }

    [Test]
    public void A_link_keeps_the_order_of_its_section_with_the_href_last()
    {
        var page = LandingPage.Build(ApiFixtures.Context(Links));

        Assert.That(page["links"]![0]!.ToJsonString(),
            Is.EqualTo("""{"rel":"self","type":"application/json","title":"this document","href":"http://example.org/ogc-api/"}"""));
    }

    [Test]
    public void A_root_url_ending_with_a_slash_gives_no_double_slash()
    {
        var page = LandingPage.Build(ApiFixtures.Context(Links.Replace("rootUrl=http://example.org/ogc-api", "rootUrl=http://example.org/ogc-api/")));

        Assert.That(page["links"]!.AsArray().Select(l => l!["href"]!.GetValue<string>()), Is.EqualTo(new[]
        {
            "http://example.org/ogc-api/", "http://example.org/ogc-api/api",
            "http://example.org/ogc-api/conformance", "http://example.org/ogc-api/processes",
        }));
    }

    [Test]
    public void A_listed_path_without_a_section_has_no_link()
    {
        var page = LandingPage.Build(ApiFixtures.Context(Links.Replace("links=/,/api,/conformance,/processes", "links=/,/api,/conformance,/processes,/jobs")));

        Assert.That(page["links"]!.AsArray(), Has.Count.EqualTo(4));
    }

    [Test]
    public void An_html_section_adds_an_alternate_with_the_title_of_its_path()
    {
        var page = LandingPage.Build(ApiFixtures.Context(Links + """

            [/index.html]
            rel=alternate
            type=text/html
            [/processes.html]
            rel=alternate
            type=text/html
            """));

        ApiFixtures.AssertJsonEqual(page["links"], """
            [{"rel":"self","type":"application/json","title":"this document","href":"http://example.org/ogc-api/"},
             {"rel":"alternate","type":"text/html","title":"this document","href":"http://example.org/ogc-api/index.html"},
             {"rel":"service-desc","type":"application/vnd.oai.openapi+json;version=3.0","title":"the API definition","href":"http://example.org/ogc-api/api"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/conformance","type":"application/json","title":"Conformance","href":"http://example.org/ogc-api/conformance"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/processes","type":"application/json","title":"Processes","href":"http://example.org/ogc-api/processes"},
             {"rel":"alternate","type":"text/html","title":"Processes","href":"http://example.org/ogc-api/processes.html"}]
            """);
    }

    [Test]
    public void The_links_the_standard_requires_are_added_when_oas_cfg_lacks_them()
    {
        var page = LandingPage.Build(ApiFixtures.Context("""
            [openapi]
            rootUrl=http://example.org/ogc-api
            links=/
            [/]
            rel=self
            type=application/json
            title=this document
            """));

        ApiFixtures.AssertJsonEqual(page["links"], """
            [{"rel":"self","type":"application/json","title":"this document","href":"http://example.org/ogc-api/"},
             {"rel":"service-desc","type":"application/vnd.oai.openapi+json;version=3.0","title":"the API definition","href":"http://example.org/ogc-api/api"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/conformance","type":"application/json","title":"OGC API - Processes conformance classes implemented by this server","href":"http://example.org/ogc-api/conformance"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/processes","type":"application/json","title":"The processes offered by this server","href":"http://example.org/ogc-api/processes"}]
            """);
    }

    [Test]
    public void The_short_relation_names_count_as_the_required_ones()
    {
        var page = LandingPage.Build(ApiFixtures.Context("""
            [openapi]
            rootUrl=http://example.org/ogc-api
            links=/api.html,/conformance,/processes
            [/api.html]
            rel=service-doc
            [/conformance]
            rel=conformance
            [/processes]
            rel=processes
            """));

        Assert.That(page["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()),
            Is.EqualTo(new[] { "service-doc", "conformance", "processes" }));
    }

    [Test]
    public void The_shipped_landing_page_links_every_part_1_resource()
    {
        var page = ApiFixtures.Body(LandingPage.Answer(ApiFixtures.Shipped()));

        ApiFixtures.AssertJsonEqual(page["links"], """
            [{"rel":"self","type":"application/json","title":"this document","href":"http://127.0.0.1:8080/ogc-api/"},
             {"rel":"service-desc","type":"application/vnd.oai.openapi+json;version=3.0","title":"the API definition","href":"http://127.0.0.1:8080/ogc-api/api"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/conformance","type":"application/json","title":"OGC API - Processes conformance classes implemented by this server","href":"http://127.0.0.1:8080/ogc-api/conformance"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/processes","type":"application/json","title":"The processes offered by this server","href":"http://127.0.0.1:8080/ogc-api/processes"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/job-list","type":"application/json","title":"Job Management","href":"http://127.0.0.1:8080/ogc-api/jobs"}]
            """);
    }

    [Test]
    public void The_shipped_landing_page_is_valid_against_landingPage()
    {
        ApiFixtures.AssertValid("landingPage", ApiFixtures.Body(LandingPage.Answer(ApiFixtures.Shipped())));
    }
}
