using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests;

namespace Zoo.Core.Tests.Wps.Requests;

public class WpsRequestParserTests
{
    private static readonly MainConfig Config = TestRequests.Config("""
        [main]
        version=1.0.0
        language=en-US
        lang=fr-FR,en-CA,en-US
        """);

    private static WpsRequest Parse(string query, params (string, string)[] environment) =>
        WpsRequestParser.Parse(TestRequests.Get(query, environment), Config);

    private static RequestRejectedException Rejected(CgiRequest request, MainConfig? config = null) =>
        Assert.Throws<RequestRejectedException>(() => WpsRequestParser.Parse(request, config ?? Config))!;

    private static IReadOnlyList<OwsError> Errors(string query) => Rejected(TestRequests.Get(query)).Error.Errors;

    // --- accepted requests

    [Test]
    public void A_GetCapabilities_without_version_uses_the_configured_version()
    {
        Assert.That(Parse("service=WPS&request=GetCapabilities").Version, Is.SameAs(WpsVersion.V100));
    }

    [Test]
    public void The_configured_default_version_2_0_0_is_used_when_none_is_asked()
    {
        var config = TestRequests.Config("[main]\nversion=2.0.0\n");

        var request = WpsRequestParser.Parse(TestRequests.Get("service=WPS&request=GetCapabilities"), config);

        Assert.That(request.Version, Is.SameAs(WpsVersion.V200));
    }

    [Test]
    public void Parameter_names_and_the_operation_are_case_insensitive()
    {
        Assert.That(Parse("SERVICE=wps&REQUEST=getcapabilities").Operation, Is.EqualTo("GetCapabilities"));
    }

    [Test]
    public void A_DescribeProcess_keeps_its_identifiers_in_order()
    {
        var request = Parse("service=WPS&version=1.0.0&request=DescribeProcess&identifier=HelloPy,ogc.tests.Echo");

        Assert.That(request.Identifiers, Is.EqualTo(new[] { "HelloPy", "ogc.tests.Echo" }));
    }

    [Test]
    public void The_requested_version_is_used()
    {
        Assert.That(Parse("service=WPS&version=2.0.0&request=DescribeProcess&identifier=HelloPy").Version, Is.SameAs(WpsVersion.V200));
    }

    [Test]
    public void AcceptVersions_offering_2_0_0_answers_in_2_0_0()
    {
        Assert.That(Parse("service=WPS&request=GetCapabilities&AcceptVersions=1.0.0,2.0.0").Version, Is.SameAs(WpsVersion.V200));
    }

    [Test]
    public void AcceptVersions_of_1_0_0_answers_in_1_0_0_even_when_2_0_0_is_asked_as_version()
    {
        Assert.That(Parse("service=WPS&request=GetCapabilities&version=2.0.0&AcceptVersions=1.0.0").Version, Is.SameAs(WpsVersion.V100));
    }

    [Test]
    public void A_2_0_0_GetStatus_with_a_job_id_is_accepted()
    {
        Assert.That(Parse("service=WPS&version=2.0.0&request=GetStatus&JobID=abc").Operation, Is.EqualTo("GetStatus"));
    }

    [Test]
    public void The_language_parameter_chooses_the_language()
    {
        Assert.That(Parse("service=WPS&request=GetCapabilities&language=fr-FR").Language, Is.EqualTo("fr-FR"));
    }

    [Test]
    public void Without_any_language_the_default_is_used()
    {
        Assert.That(Parse("service=WPS&request=GetCapabilities").Language, Is.EqualTo("en-US"));
    }

    [Test]
    public void The_language_comes_from_Accept_Language()
    {
        var request = Parse("service=WPS&request=GetCapabilities", ("HTTP_ACCEPT_LANGUAGE", "de-DE,fr-FR;q=0.8,en-US;q=0.5"));

        Assert.That(request.Language, Is.EqualTo("fr-FR"));
    }

    [Test]
    public void An_Accept_Language_that_offers_nothing_supported_falls_back_to_the_default()
    {
        var request = Parse("service=WPS&request=GetCapabilities", ("HTTP_ACCEPT_LANGUAGE", "de-DE,it"));

        Assert.That(request.Language, Is.EqualTo("en-US"));
    }

    [Test]
    public void The_language_parameter_wins_over_Accept_Language()
    {
        var request = Parse("service=WPS&request=GetCapabilities&language=en-CA", ("HTTP_ACCEPT_LANGUAGE", "fr-FR"));

        Assert.That(request.Language, Is.EqualTo("en-CA"));
    }

    [Test]
    public void AcceptLanguages_chooses_the_language_when_language_is_absent()
    {
        Assert.That(Parse("service=WPS&request=GetCapabilities&AcceptLanguages=en-CA").Language, Is.EqualTo("en-CA"));
    }

    [Test]
    public void A_post_body_is_read_as_xml()
    {
        var request = WpsRequestParser.Parse(TestRequests.Post("""
            <wps:GetCapabilities xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" service="WPS"/>
            """), Config);

        Assert.That((request.Operation, request.Version), Is.EqualTo(("GetCapabilities", WpsVersion.V200)));
    }

    [Test]
    public void A_post_keeps_the_xml_request()
    {
        var request = WpsRequestParser.Parse(TestRequests.Post("""<GetCapabilities service="WPS"/>"""), Config);

        Assert.That(request.Xml, Is.Not.Null);
    }

    [Test]
    public void Query_parameters_accompany_a_post_body()
    {
        var request = WpsRequestParser.Parse(TestRequests.Post("""<GetCapabilities service="WPS"/>""", "metapath=demo"), Config);

        Assert.That(request.Parameters["metapath"], Is.EqualTo("demo"));
    }

    // --- refused requests: ZOO's codes, locators and texts

    [Test]
    public void A_missing_request_is_a_MissingParameterValue()
    {
        Assert.That(Errors("service=WPS"), Is.EqualTo(new[]
        {
            new OwsError("MissingParameterValue", "request", "Mandatory parameter <request> was not specified"),
        }));
    }

    [Test]
    public void A_missing_service_is_a_MissingParameterValue()
    {
        Assert.That(Errors("request=GetCapabilities"), Is.EqualTo(new[]
        {
            new OwsError("MissingParameterValue", "service", "Mandatory parameter <service> was not specified"),
        }));
    }

    [Test]
    public void A_wrong_service_is_an_InvalidParameterValue()
    {
        Assert.That(Errors("service=WFS&request=GetCapabilities"), Is.EqualTo(new[]
        {
            new OwsError("InvalidParameterValue", "service", "The value <service> was not recognized, WPS is the only acceptable value."),
        }));
    }

    [Test]
    public void Missing_request_and_service_are_reported_together()
    {
        Assert.That(Errors("").Select(e => e.Locator), Is.EqualTo(new[] { "request", "service" }));
    }

    [Test]
    public void An_unknown_request_is_OperationNotSupported_located_at_the_value()
    {
        Assert.That(Errors("service=WPS&request=Frobnicate"), Is.EqualTo(new[]
        {
            new OwsError("OperationNotSupported", "Frobnicate",
                "The value <request> was not recognized, GetCapabilities, DescribeProcess, Execute are the only acceptable value."),
        }));
    }

    [Test]
    public void An_unknown_request_in_2_0_0_lists_the_2_0_0_operations()
    {
        Assert.That(Errors("service=WPS&version=2.0.0&request=Frobnicate").Single().Text, Is.EqualTo(
            "The value <request> was not recognized, GetCapabilities, DescribeProcess, Execute, GetStatus, GetResult, Dismiss are the only acceptable value."));
    }

    [Test]
    public void GetStatus_is_unknown_in_1_0_0()
    {
        Assert.That(Errors("service=WPS&version=1.0.0&request=GetStatus&JobID=x").Single().Code, Is.EqualTo("OperationNotSupported"));
    }

    [Test]
    public void An_unknown_request_is_reported_with_the_service_check()
    {
        Assert.That(Errors("service=WFS&request=Frobnicate").Select(e => (e.Code, e.Locator)), Is.EqualTo(new[]
        {
            ("OperationNotSupported", "Frobnicate"),
            ("InvalidParameterValue", "service"),
        }));
    }

    [Test]
    public void An_unknown_request_stops_the_other_checks()
    {
        // No version, no identifier: only the request and service are reported, as ZOO prints at once.
        Assert.That(Errors("request=Frobnicate").Select(e => e.Locator), Is.EqualTo(new[] { "Frobnicate", "service" }));
    }

    [Test]
    public void An_unknown_version_is_VersionNegotiationFailed()
    {
        Assert.That(Errors("service=WPS&request=GetCapabilities&version=3.0.0"), Is.EqualTo(new[]
        {
            new OwsError("VersionNegotiationFailed", "version", "The value for version was not recogized 3.0.0"),
        }));
    }

    [Test]
    public void An_unknown_version_is_reported_alone()
    {
        Assert.That(Errors("request=Frobnicate&version=9.9.9").Select(e => e.Code), Is.EqualTo(new[] { "VersionNegotiationFailed" }));
    }

    [Test]
    public void An_unknown_version_is_reported_in_the_configured_version()
    {
        Assert.That(Rejected(TestRequests.Get("service=WPS&request=GetCapabilities&version=3.0.0")).Version, Is.SameAs(WpsVersion.V100));
    }

    [Test]
    public void A_version_is_recognised_by_its_first_five_characters()
    {
        Assert.That(Parse("service=WPS&request=DescribeProcess&version=2.0.0-rc&identifier=x").Version, Is.SameAs(WpsVersion.V200));
    }

    [Test]
    public void DescribeProcess_without_version_is_a_MissingParameterValue()
    {
        Assert.That(Errors("service=WPS&request=DescribeProcess&identifier=HelloPy"), Is.EqualTo(new[]
        {
            new OwsError("MissingParameterValue", "version", "Mandatory parameter <version> was not specified"),
        }));
    }

    [Test]
    public void DescribeProcess_without_identifier_is_a_MissingParameterValue()
    {
        Assert.That(Errors("service=WPS&version=1.0.0&request=DescribeProcess"), Is.EqualTo(new[]
        {
            new OwsError("MissingParameterValue", "identifier", "Mandatory parameter <identifier> was not specified"),
        }));
    }

    [Test]
    public void Execute_without_identifier_is_a_MissingParameterValue()
    {
        Assert.That(Errors("service=WPS&version=1.0.0&request=Execute").Single().Locator, Is.EqualTo("identifier"));
    }

    [Test]
    public void GetStatus_without_job_id_is_a_MissingParameterValue()
    {
        Assert.That(Errors("service=WPS&version=2.0.0&request=GetStatus"), Is.EqualTo(new[]
        {
            new OwsError("MissingParameterValue", "jobid", "Mandatory parameter <jobid> was not specified"),
        }));
    }

    [TestCase("GetResult")]
    [TestCase("Dismiss")]
    public void A_job_operation_without_job_id_is_a_MissingParameterValue(string operation)
    {
        Assert.That(Errors($"service=WPS&version=2.0.0&request={operation}").Single().Locator, Is.EqualTo("jobid"));
    }

    [Test]
    public void Missing_service_version_and_identifier_are_reported_together_in_ZOO_order()
    {
        Assert.That(Errors("request=DescribeProcess").Select(e => e.Locator), Is.EqualTo(new[] { "service", "version", "identifier" }));
    }

    [Test]
    public void A_bad_AcceptVersions_is_VersionNegotiationFailed()
    {
        Assert.That(Errors("service=WPS&request=GetCapabilities&AcceptVersions=3.0.0"), Is.EqualTo(new[]
        {
            new OwsError("VersionNegotiationFailed", "AcceptVersions",
                "The value <AcceptVersions> was not recognized, 1.0.0, 2.0.0 are the only acceptable value."),
        }));
    }

    [Test]
    public void A_bad_AcceptVersions_is_reported_with_a_missing_service()
    {
        Assert.That(Errors("request=GetCapabilities&AcceptVersions=0.9").Select(e => e.Locator), Is.EqualTo(new[] { "service", "AcceptVersions" }));
    }

    [Test]
    public void An_unsupported_language_is_an_InvalidParameterValue()
    {
        Assert.That(Errors("service=WPS&request=GetCapabilities&language=de-DE"), Is.EqualTo(new[]
        {
            new OwsError("InvalidParameterValue", "language", "The value de-DE is not supported for the <language> parameter"),
        }));
    }

    [Test]
    public void An_unsupported_language_is_reported_before_any_other_check()
    {
        Assert.That(Errors("language=de-DE").Select(e => e.Locator), Is.EqualTo(new[] { "language" }));
    }

    [Test]
    public void An_unsupported_language_is_reported_in_the_default_language()
    {
        Assert.That(Rejected(TestRequests.Get("service=WPS&request=GetCapabilities&language=de-DE")).Language, Is.EqualTo("en-US"));
    }

    [Test]
    public void A_refusal_is_written_in_the_requested_version()
    {
        Assert.That(Rejected(TestRequests.Get("service=WPS&version=2.0.0&request=DescribeProcess")).Version, Is.SameAs(WpsVersion.V200));
    }

    [Test]
    public void A_refusal_is_written_in_the_negotiated_language()
    {
        Assert.That(Rejected(TestRequests.Get("version=1.0.0&request=DescribeProcess&identifier=x&language=fr-FR")).Language, Is.EqualTo("fr-FR"));
    }

    [Test]
    public void A_missing_parameter_answers_400()
    {
        Assert.That(Rejected(TestRequests.Get("service=WPS")).Error.HttpStatus, Is.EqualTo("400 Bad request"));
    }

    [Test]
    public void A_post_body_that_is_not_xml_is_missing_request_and_service()
    {
        var request = new CgiRequest(new Dictionary<string, string>
        {
            ["REQUEST_METHOD"] = "POST",
            ["CONTENT_TYPE"] = "text/plain",
        }, "hello"u8.ToArray());

        Assert.That(Rejected(request).Error.Errors.Select(e => e.Locator), Is.EqualTo(new[] { "request", "service" }));
    }

    [Test]
    public void A_post_body_with_a_doctype_is_refused()
    {
        var request = TestRequests.Post("""<!DOCTYPE x [<!ENTITY e "v">]><GetCapabilities service="WPS"/>""");

        Assert.Throws<WpsException>(() => WpsRequestParser.Parse(request, Config));
    }

    [Test]
    public void A_form_encoded_post_body_is_read_as_kvp()
    {
        var request = new CgiRequest(new Dictionary<string, string>
        {
            ["REQUEST_METHOD"] = "POST",
            ["CONTENT_TYPE"] = "application/x-www-form-urlencoded",
        }, "service=WPS&request=GetCapabilities"u8.ToArray());

        Assert.That(WpsRequestParser.Parse(request, Config).Operation, Is.EqualTo("GetCapabilities"));
    }
}
