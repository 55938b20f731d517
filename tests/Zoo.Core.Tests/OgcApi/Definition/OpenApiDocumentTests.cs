using System.Text.Json.Nodes;
using Zoo.Core.OgcApi.Definition;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Definition;

public sealed class OpenApiDocumentTests
{
    private const string Oas = """
        [openapi]
        rootUrl=http://example.org/ogc-api
        use_content=false
        paths=/root,/api,/processes/{processID},/processes/{processID}/execution,/missing
        parameters=processID
        header_parameters=oas-header1,limitParam,statusParam
        version=3.0.3
        license_name=OGC license
        license_url=https://example.org/LICENSE
        tags=Home,ProcessDescription
        [tags]
        value=The landing page
        [/api]
        rel=service-desc
        type=application/vnd.oai.openapi+json;version=3.0
        [root]
        method=get
        title=landing page
        abstract=The landing page.
        tags=Home
        schema=https://example.org/responses/LandingPage.yaml
        [api]
        method=get
        title=This document
        tags=API
        [processes/{processID}]
        method=get
        title=describe a process
        abstract=A process description.
        tags=ProcessDescription
        parameters=/components/parameters/processID
        schema=https://example.org/responses/ProcessDescription.yaml
        ecode=404
        [processes/{processID}/execution]
        method=post
        title=execute
        tags=ExecuteEndpoint
        parameters=/components/parameters/processID,/components/parameters/oas-header1
        schema=https://example.org/responses/ExecuteSync.yaml
        eschema=https://example.org/responses/ExecuteAsync.yaml
        ecode=400,404
        callbacksReference=callbacks
        [requestBody]
        abstract=An execute request
        type=application/json
        schema=https://example.org/schemas/execute.yaml
        [callbacks]
        length=1
        state=jobSuccess
        uri=successUri
        schema=https://example.org/schemas/results.yaml
        type=application/json
        title=Results received
        [{processID}]
        type=string
        title=The id of a process
        abstract=The id of a process
        in=path
        required=true
        example=echo
        [oas-header1]
        in=header
        name=Prefer
        type=string
        required=false
        enum=respond-async,return=minimal
        [limitParam]
        name=limit
        title=The limit parameter
        abstract=How many
        in=query
        type=integer
        schema_minimum=1
        schema_maximum=10000
        schema_default=1000
        [statusParam]
        schema=https://example.org/parameters/status.yaml
        [responses]
        length=2
        code=404
        schema=https://example.org/responses/NotFound.yaml
        type=application/json
        title=NotFound
        code_1=400
        schema_1=https://example.org/responses/InvalidParameter.yaml
        type_1=application/json
        title_1=InvalidParameter
        """;

    private static JsonObject Build(string oas = Oas, string main = ApiFixtures.MainCfg) =>
        OpenApiDocument.Build(ApiFixtures.Source(oas, main));

    private static JsonNode Operation(JsonObject document, string path, string method) => document["paths"]![path]![method]!;

    [Test]
    public void Top_level_members_come_in_ZOO_s_order()
    {
        Assert.That(Build().Select(m => m.Key), Is.EqualTo(new[] { "components", "info", "openapi", "tags", "paths", "servers" }));
    }

    [Test]
    public void The_openapi_version_is_the_configured_one()
    {
        Assert.That(Build()["openapi"]!.GetValue<string>(), Is.EqualTo("3.0.3"));
    }

    [Test]
    public void The_root_path_is_written_as_a_slash_and_a_path_without_a_section_is_left_out()
    {
        Assert.That(Build()["paths"]!.AsObject().Select(p => p.Key),
            Is.EqualTo(new[] { "/", "/api", "/processes/{processID}", "/processes/{processID}/execution" }));
    }

    [Test]
    public void A_path_parameter_section_becomes_a_required_parameter_in_the_path()
    {
        ApiFixtures.AssertJsonEqual(Build()["components"]!["parameters"]!["processID"], """
            {"x-internal-summary":"The id of a process","description":"The id of a process","example":"echo",
             "required":true,"in":"path","name":"processID","schema":{"type":"string"}}
            """);
    }

    [Test]
    public void A_header_parameter_lists_its_enum()
    {
        ApiFixtures.AssertJsonEqual(Build()["components"]!["parameters"]!["oas-header1"], """
            {"required":false,"in":"header","name":"Prefer","schema":{"type":"string","enum":["respond-async","return=minimal"]}}
            """);
    }

    [Test]
    public void The_schema_keywords_of_an_integer_parameter_are_integers()
    {
        ApiFixtures.AssertJsonEqual(Build()["components"]!["parameters"]!["limitParam"], """
            {"x-internal-summary":"The limit parameter","description":"How many","required":false,"in":"query","name":"limit",
             "schema":{"type":"integer","minimum":1,"maximum":10000,"default":1000}}
            """);
    }

    [Test]
    public void A_parameter_section_with_a_schema_is_only_a_reference_to_it()
    {
        ApiFixtures.AssertJsonEqual(Build()["components"]!["parameters"]!["statusParam"],
            """{"$ref":"https://example.org/parameters/status.yaml"}""");
    }

    [Test]
    public void A_path_parameter_listed_without_a_section_is_a_required_string()
    {
        var document = Build(Oas.Replace("parameters=processID", "parameters=processID,jobID"));

        ApiFixtures.AssertJsonEqual(document["components"]!["parameters"]!["jobID"],
            """{"required":true,"in":"path","name":"jobID","schema":{"type":"string"}}""");
    }

    [Test]
    public void The_declared_error_responses_are_references_when_use_content_is_false()
    {
        ApiFixtures.AssertJsonEqual(Build()["components"]!["responses"], """
            {"404":{"$ref":"https://example.org/responses/NotFound.yaml"},
             "400":{"$ref":"https://example.org/responses/InvalidParameter.yaml"}}
            """);
    }

    [Test]
    public void With_use_content_a_response_is_a_content_map_around_the_schema()
    {
        var document = Build(Oas.Replace("use_content=false", "use_content=true"));

        ApiFixtures.AssertJsonEqual(document["components"]!["responses"]!["404"], """
            {"content":{"application/json":{"schema":{"$ref":"https://example.org/responses/NotFound.yaml"}}},"description":"NotFound"}
            """);
    }

    [Test]
    public void A_get_operation_has_its_summary_description_tag_operation_id_responses_and_parameters()
    {
        ApiFixtures.AssertJsonEqual(Operation(Build(), "/processes/{processID}", "get"), """
            {"summary":"describe a process","description":"A process description.","tags":["ProcessDescription"],
             "operationId":"get_processes__processID_",
             "responses":{"200":{"$ref":"https://example.org/responses/ProcessDescription.yaml"},
                          "404":{"$ref":"#/components/responses/404"}},
             "parameters":[{"$ref":"#/components/parameters/processID"}]}
            """);
    }

    [Test]
    public void The_root_operation_answers_with_its_published_response()
    {
        ApiFixtures.AssertJsonEqual(Operation(Build(), "/", "get"), """
            {"summary":"landing page","description":"The landing page.","tags":["Home"],"operationId":"get_root",
             "responses":{"200":{"$ref":"https://example.org/responses/LandingPage.yaml"}}}
            """);
    }

    [Test]
    public void An_operation_without_a_schema_answers_with_the_media_type_of_its_link_section()
    {
        ApiFixtures.AssertJsonEqual(Operation(Build(), "/api", "get")["responses"], """
            {"200":{"content":{"application/vnd.oai.openapi+json;version=3.0":{}},"description":"successful operation"}}
            """);
    }

    [Test]
    public void An_execute_operation_has_a_201_response_a_request_body_and_callbacks()
    {
        ApiFixtures.AssertJsonEqual(Operation(Build(), "/processes/{processID}/execution", "post"), """
            {"summary":"execute","tags":["ExecuteEndpoint"],"operationId":"post_processes__processID__execution",
             "responses":{"200":{"$ref":"https://example.org/responses/ExecuteSync.yaml"},
                          "201":{"$ref":"https://example.org/responses/ExecuteAsync.yaml"},
                          "400":{"$ref":"#/components/responses/400"},
                          "404":{"$ref":"#/components/responses/404"}},
             "parameters":[{"$ref":"#/components/parameters/processID"},{"$ref":"#/components/parameters/oas-header1"}],
             "requestBody":{"content":{"application/json":{"schema":{"$ref":"https://example.org/schemas/execute.yaml"}}},
                            "description":"An execute request","required":true},
             "callbacks":{"jobSuccess":{"{$request.body#/subscriber/successUri}":{"post":{
                 "summary":"Results received",
                 "requestBody":{"content":{"application/json":{"schema":{"$ref":"https://example.org/schemas/results.yaml"}}}},
                 "responses":{"200":{"description":"Results received"}}}}}}}
            """);
    }

    [Test]
    public void A_success_code_replaces_200_and_leaves_no_201()
    {
        var document = Build(Oas.Replace("eschema=https://example.org/responses/ExecuteAsync.yaml", "code=201"));

        Assert.That(Operation(document, "/processes/{processID}/execution", "post")["responses"]!.AsObject().Select(r => r.Key),
            Is.EqualTo(new[] { "201", "400", "404" }));
    }

    [Test]
    public void An_error_code_without_a_declared_response_is_described_by_its_status()
    {
        var document = Build(Oas.Replace("ecode=400,404", "ecode=400,409"));

        ApiFixtures.AssertJsonEqual(Operation(document, "/processes/{processID}/execution", "post")["responses"]!["409"],
            """{"description":"409 Conflict"}""");
    }

    [Test]
    public void A_path_with_a_parameter_and_no_error_codes_answers_404_with_the_exception_schema()
    {
        var document = Build(Oas.Replace("ecode=404\n", "") + """

            [exception]
            type=application/json
            schema=https://example.org/responses/NotFound.yaml
            """);

        ApiFixtures.AssertJsonEqual(Operation(document, "/processes/{processID}", "get")["responses"]!["404"],
            """{"$ref":"https://example.org/responses/NotFound.yaml"}""");
    }

    [Test]
    public void A_second_method_of_a_section_is_a_second_operation_of_its_path()
    {
        var document = Build(Oas.Replace("ecode=404\n", """
            ecode=404
            length=2
            method_1=delete
            title_1=undeploy
            tags_1=Undeploy
            code_1=204

            """));

        ApiFixtures.AssertJsonEqual(Operation(document, "/processes/{processID}", "delete"), """
            {"summary":"undeploy","tags":["Undeploy"],"operationId":"delete_processes__processID_",
             "responses":{"204":{"description":"successful operation"}}}
            """);
    }

    [Test]
    public void The_operation_id_of_a_process_specific_section_is_its_tag_and_process()
    {
        var document = Build(Oas
            .Replace("paths=/root,", "paths=/processes/echo/execution,/root,")
            + """

            [processes/echo/execution]
            pname=echo
            method=post
            tags=ExecuteEndpoint
            schema=https://example.org/responses/ExecuteSync.yaml
            """);

        Assert.That(Operation(document, "/processes/echo/execution", "post")["operationId"]!.GetValue<string>(),
            Is.EqualTo("ExecuteEndpointecho"));
    }

    [Test]
    public void A_secured_operation_requires_its_scheme_with_its_scopes()
    {
        var document = Build(Oas.Replace("title=describe a process", "title=describe a process\nsecured=OpenIDAuth\nscopes=read,write"));

        ApiFixtures.AssertJsonEqual(Operation(document, "/processes/{processID}", "get")["security"],
            """[{"OpenIDAuth":["read","write"]}]""");
    }

    [Test]
    public void Each_security_scheme_is_described_by_the_osecurity_section_of_its_name()
    {
        var document = Build(Oas + """

            [osecurity]
            name=OpenIDAuth,BasicAuth
            type=openIdConnect
            openIdConnectUrl=https://example.org/.well-known/openid-configuration
            [osecurity1]
            name=BasicAuth
            type=http
            scheme=basic
            """);

        ApiFixtures.AssertJsonEqual(document["components"]!["securitySchemes"], """
            {"OpenIDAuth":{"type":"openIdConnect","openIdConnectUrl":"https://example.org/.well-known/openid-configuration"},
             "BasicAuth":{"type":"http","scheme":"basic"}}
            """);
    }

    [Test]
    public void Named_schemas_become_component_schemas()
    {
        var document = Build(Oas + """

            [schemas]
            length=1
            name=landingPage
            value=https://example.org/schemas/landingPage.yaml
            """);

        ApiFixtures.AssertJsonEqual(document["components"]!["schemas"],
            """{"landingPage":{"$ref":"https://example.org/schemas/landingPage.yaml"}}""");
    }

    [Test]
    public void Info_describes_the_service_of_main_cfg()
    {
        ApiFixtures.AssertJsonEqual(Build()["info"], """
            {"contact":{"name":"Example","email":"zoo@example.org","url":"https://example.org"},
             "description":"A server for tests","title":"Test server","version":"2.0.0","x-keywords":["WPS","OGC"],
             "x-ows-servicecontact":{"providerName":"Example","providerSite":"https://example.org",
                                     "addressElectronicMailAddress":"zoo@example.org"},
             "license":{"name":"OGC license","url":"https://example.org/LICENSE"}}
            """);
    }

    [Test]
    public void Without_a_licence_name_info_has_no_licence()
    {
        var document = Build(Oas.Replace("license_name=OGC license\n", ""));

        Assert.That(document["info"]!.AsObject().ContainsKey("license"), Is.False);
    }

    [Test]
    public void Tags_are_described_by_the_tags_section_else_by_their_name()
    {
        ApiFixtures.AssertJsonEqual(Build()["tags"], """
            [{"name":"Home","description":"The landing page"},{"name":"ProcessDescription","description":"ProcessDescription"}]
            """);
    }

    [Test]
    public void The_one_server_is_the_root_url_described_by_the_service_title()
    {
        ApiFixtures.AssertJsonEqual(Build()["servers"], """[{"description":"Test server","url":"http://example.org/ogc-api"}]""");
    }

    [Test]
    public void An_example_file_is_embedded_in_the_request_body()
    {
        using var examples = new TempDirectory();
        examples.Write("echo/run.json", """{"inputs":{"a":"x"}}""");
        var document = Build(Oas.Replace("tags=Home,ProcessDescription", $"tags=Home,ProcessDescription\nexamplesPath={examples.Path}")
            .Replace("callbacksReference=callbacks", "callbacksReference=callbacks\npname=echo\nexamples=run.json\nexamples_summary=a run"));

        ApiFixtures.AssertJsonEqual(Operation(document, "/processes/{processID}/execution", "post")["requestBody"]!["content"]!["application/json"]!["examples"],
            """{"0":{"summary":"Example 0: a run","value":{"inputs":{"a":"x"}}}}""");
    }

    [Test]
    public void An_example_reference_is_an_external_value()
    {
        var document = Build(Oas.Replace("callbacksReference=callbacks", "callbacksReference=callbacks\nexamples_ref=https://example.org/run.json"));

        ApiFixtures.AssertJsonEqual(Operation(document, "/processes/{processID}/execution", "post")["requestBody"]!["content"]!["application/json"]!["examples"],
            """{"0":{"summary":"Example 0","externalValue":"https://example.org/run.json"}}""");
    }

    [Test]
    public void The_definition_is_served_with_the_media_type_of_its_link_section()
    {
        var response = ApiDefinition.Answer(ApiFixtures.Shipped("/api"));

        Assert.That(response.Header("Content-Type"), Is.EqualTo("application/vnd.oai.openapi+json;version=3.0"));
    }

    [Test]
    public void Without_a_link_section_the_definition_is_served_as_openapi_json()
    {
        var response = ApiDefinition.Answer(ApiFixtures.Context("[openapi]\npaths=/root\n", path: "/api"));

        Assert.That(response.Header("Content-Type"), Is.EqualTo("application/vnd.oai.openapi+json;version=3.0"));
    }
}
