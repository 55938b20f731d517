using Zoo.Core.Cgi;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Routing;

namespace Zoo.Core.Tests.OgcApi.Routing;

public class ApiRequestTests
{
    private static ApiRequest? From(string queryString, string method = "GET", string? pathInfo = null)
    {
        var environment = new Dictionary<string, string> { ["QUERY_STRING"] = queryString, ["REQUEST_METHOD"] = method };
        if (pathInfo is not null)
            environment["PATH_INFO"] = pathInfo;
        return ApiRequest.From(new CgiRequest(environment, RequestBody.Empty));
    }

    private static bool IsCarried(string queryString, string? pathInfo)
    {
        var environment = new Dictionary<string, string> { ["QUERY_STRING"] = queryString, ["REQUEST_METHOD"] = "GET" };
        if (pathInfo is not null)
            environment["PATH_INFO"] = pathInfo;
        return ApiRequest.IsCarriedBy(new CgiRequest(environment, RequestBody.Empty));
    }

    [TestCase("/processes", null, true)]
    [TestCase("limit=1", "/ogc-api/jobs", true)]
    [TestCase("service=WPS&request=GetCapabilities", null, false)]
    [TestCase("service=WPS&request=GetCapabilities", "/", false)]
    [TestCase("service=WPS&request=GetCapabilities", "-1", false)]
    public void A_call_is_an_api_request_by_the_same_rule_before_and_after_main_cfg_is_read(string queryString, string? pathInfo, bool expected)
    {
        Assert.That(IsCarried(queryString, pathInfo), Is.EqualTo(expected));
    }

    [Test]
    public void A_query_string_starting_with_a_slash_is_an_api_path() =>
        Assert.That(From("/processes/echo")!.Segments, Is.EqualTo(new[] { "processes", "echo" }));

    [Test]
    public void A_wps_query_string_is_not_an_api_request() =>
        Assert.That(From("service=WPS&request=GetCapabilities"), Is.Null);

    [Test]
    public void Parameters_follow_the_first_ampersand() =>
        Assert.That(From("/processes&limit=2&skip=1")!.Query["limit"], Is.EqualTo("2"));

    [Test]
    public void Parameters_may_follow_a_question_mark() =>
        Assert.That(From("/processes?limit=2")!.Query["limit"], Is.EqualTo("2"));

    [Test]
    public void A_trailing_slash_is_ignored() => Assert.That(From("/processes/")!.Segments, Is.EqualTo(new[] { "processes" }));

    [Test]
    public void The_root_has_no_segment() => Assert.That(From("/&f=json")!.Segments, Is.Empty);

    [Test]
    public void Segments_are_percent_decoded() => Assert.That(From("/processes/a%20b")!.Segments[1], Is.EqualTo("a b"));

    [Test]
    public void A_plus_in_a_path_stays_a_plus() => Assert.That(From("/processes/a+b")!.Segments[1], Is.EqualTo("a+b"));

    [Test]
    public void Path_info_is_taken_without_its_ogc_api_prefix() =>
        Assert.That(From("limit=1", pathInfo: "/ogc-api/jobs")!.Segments, Is.EqualTo(new[] { "jobs" }));

    [Test]
    public void Path_info_keeps_the_query_string_as_parameters() =>
        Assert.That(From("limit=1", pathInfo: "/processes")!.Query["limit"], Is.EqualTo("1"));

    [Test]
    public void Head_is_answered_as_get_without_a_body()
    {
        var request = From("/processes", "HEAD")!;

        Assert.That((request.Method, request.IsHead), Is.EqualTo(("GET", true)));
    }

    [Test]
    public void A_path_of_many_segments_is_not_found() =>
        Assert.That(Assert.Throws<ApiException>(() => From("/" + string.Join('/', Enumerable.Repeat("x", 50))))!.Status, Is.EqualTo(404));
}
