using Zoo.Core.OgcApi.Operations;

namespace Zoo.Core.Tests.OgcApi.Definition;

public sealed class ConformanceTests
{
    [Test]
    public void Each_link_follows_the_root_url_in_order()
    {
        var context = ApiFixtures.Context("""
            [conformsTo]
            rootUrl=http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/
            length=2
            link=core
            link_1=json
            """);

        ApiFixtures.AssertJsonEqual(Conformance.Build(context), """
            {"conformsTo":["http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json"]}
            """);
    }

    [Test]
    public void Links_beyond_the_length_are_not_declared()
    {
        var context = ApiFixtures.Context("""
            [conformsTo]
            rootUrl=http://example.org/conf/
            length=1
            link=core
            link_1=json
            """);

        ApiFixtures.AssertJsonEqual(Conformance.Build(context), """{"conformsTo":["http://example.org/conf/core"]}""");
    }

    [Test]
    public void Without_a_length_every_link_present_is_declared()
    {
        var context = ApiFixtures.Context("""
            [conformsTo]
            rootUrl=http://example.org/conf/
            link=core
            link_1=json
            """);

        ApiFixtures.AssertJsonEqual(Conformance.Build(context),
            """{"conformsTo":["http://example.org/conf/core","http://example.org/conf/json"]}""");
    }

    [Test]
    public void An_extension_entry_takes_the_prefix_its_extid_names()
    {
        var context = ApiFixtures.Context("""
            [conformsTo]
            rootUrl=http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/
            extentionsLength=2
            extentionUrl=http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/
            extentionUrl_1=http://www.opengis.net/spec/ogcapi-processes-2/1.0/conf/
            length=2
            link=core
            link_1=deploy-replace-undeploy
            extention_1=true
            extid_1=1
            """);

        ApiFixtures.AssertJsonEqual(Conformance.Build(context), """
            {"conformsTo":["http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
                           "http://www.opengis.net/spec/ogcapi-processes-2/1.0/conf/deploy-replace-undeploy"]}
            """);
    }

    [Test]
    public void An_extension_entry_whose_prefix_is_missing_is_left_out()
    {
        var context = ApiFixtures.Context("""
            [conformsTo]
            rootUrl=http://example.org/conf/
            length=2
            link=core
            link_1=cwl
            extention_1=true
            extid_1=3
            """);

        ApiFixtures.AssertJsonEqual(Conformance.Build(context), """{"conformsTo":["http://example.org/conf/core"]}""");
    }

    [Test]
    public void Without_a_conformsTo_section_the_implemented_part_1_classes_are_declared()
    {
        var context = ApiFixtures.Context("[openapi]\nrootUrl=http://example.org/ogc-api\n");

        ApiFixtures.AssertJsonEqual(Conformance.Build(context), """
            {"conformsTo":["http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/oas30",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/callback"]}
            """);
    }

    [Test]
    public void The_shipped_oas_cfg_declares_the_implemented_part_1_classes_and_no_html()
    {
        var response = Conformance.Answer(ApiFixtures.Shipped("/conformance"));

        ApiFixtures.AssertJsonEqual(ApiFixtures.Body(response), """
            {"conformsTo":["http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/oas30",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss",
                           "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/callback"]}
            """);
    }

    [Test]
    public void The_shipped_conformance_declaration_is_valid_against_confClasses()
    {
        ApiFixtures.AssertValid("confClasses", ApiFixtures.Body(Conformance.Answer(ApiFixtures.Shipped("/conformance"))));
    }

    [Test]
    public void The_declaration_is_json()
    {
        var response = Conformance.Answer(ApiFixtures.Shipped("/conformance"));

        Assert.That(response.Header("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
    }
}
