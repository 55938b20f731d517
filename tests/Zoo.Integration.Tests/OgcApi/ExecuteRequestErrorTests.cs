using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// Execute requests the API refuses, and a service that fails (spec/ogcapi.md §1.2 Content-Type gate, §1.4, §3.6,
/// §3.7, §3.12; test plan §7.2 item 9): each is the exception document of its code with the HTTP status of §3.12.
/// </summary>
[TestFixture]
public sealed class ExecuteRequestErrorTests : OgcApiFixture
{
    private const string Part1 = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";
    private const string Part2 = "http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/";

    private static readonly Dictionary<string, Func<ApiCalls, ApiResponse>> Requests = new()
    {
        ["integer input given letters"] = api => api.Post("/processes/echo/execution",
            """{"inputs":{"d":["abc"]},"outputs":{"d":{}},"response":"document"}"""),
        ["float input given letters"] = api => api.Post("/processes/echo/execution",
            """{"inputs":{"a":"x","pause":"abc"},"outputs":{"a":{}},"response":"document"}"""),
        ["bounding box given to a string input"] = api => api.Post("/processes/echo/execution",
            """{"inputs":{"a":{"bbox":[1,2,3,4],"crs":"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},"outputs":{"a":{}},"response":"document"}"""),
        ["required input missing"] = api => api.Post("/processes/HelloPy/execution",
            """{"inputs":{},"outputs":{"Result":{}},"response":"document"}"""),
        ["unknown output"] = api => api.Post("/processes/echo/execution",
            """{"inputs":{"a":"x"},"outputs":{"nosuchoutput":{}},"response":"document"}"""),
        ["malformed json"] = api => api.Post("/processes/echo/execution", """{"inputs":{"a":"x"},"""),
        ["empty body"] = api => api.Post("/processes/echo/execution", ""),
        ["no known member"] = api => api.Post("/processes/echo/execution", """{"invalid-execute-request":"true)"}"""),
        ["body id differs from the path"] = api => api.Post("/processes/echo/execution",
            """{"id":"HelloPy","inputs":{"a":"x"},"outputs":{"a":{}},"response":"document"}"""),
        ["text/plain body"] = api => api.Post("/processes/echo/execution", """{"inputs":{"a":"x"}}""", "text/plain"),
        ["unknown process"] = api => api.Post("/processes/no-such-process-here/execution", """{"inputs":{}}"""),
        ["service fails with InvalidParameterValue"] = api => api.Post("/processes/FailingInvalidParameter/execution",
            """{"inputs":{"a":"x"},"response":"document"}"""),
        ["service fails without a code"] = api => api.Post("/processes/FailingService/execution",
            """{"inputs":{},"response":"document"}"""),
    };

    public static IEnumerable<TestCaseData> Expected() =>
    [
        new TestCaseData("integer input given letters", 400, "InvalidParameterValue"),
        new TestCaseData("float input given letters", 400, "InvalidParameterValue"),
        new TestCaseData("bounding box given to a string input", 400, "InvalidParameterValue"),
        new TestCaseData("required input missing", 400, "MissingParameterValue"),
        new TestCaseData("unknown output", 400, "InvalidParameterValue"),
        new TestCaseData("malformed json", 400, "InvalidParameterValue"),
        new TestCaseData("empty body", 400, "BadRequest"),
        new TestCaseData("no known member", 400, null),
        new TestCaseData("body id differs from the path", 400, null),
        new TestCaseData("text/plain body", 415, Part2 + "unsupported-media-type"),
        new TestCaseData("unknown process", 404, Part1 + "no-such-process"),
        new TestCaseData("service fails with InvalidParameterValue", 400, "InvalidParameterValue"),
        new TestCaseData("service fails without a code", 500, "NoApplicableCode"),
    ];

    /// <summary>The refusals whose code the spec names.</summary>
    public static IEnumerable<TestCaseData> ExpectedTypes() => Expected().Where(c => c.Arguments[2] is not null);

    private Dictionary<string, ApiResponse> _answers = null!;
    private Dictionary<string, string?> _problems = null!;

    [OneTimeSetUp]
    public void SendEveryRequest()
    {
        _answers = Requests.ToDictionary(r => r.Key, r => r.Value(Api));
        var names = _answers.Keys.ToList();
        var problems = JsonSchemaValidator.ProblemsOfEach("exception", names.Select(n => _answers[n].Body).ToList());
        _problems = names.Zip(problems).ToDictionary(p => p.First, p => p.Second);
    }

    [TestCaseSource(nameof(Expected))]
    public void Refused_request_has_the_http_status_of_its_code(string request, int status, string? type)
    {
        Assert.That(_answers[request].StatusCode, Is.EqualTo(status), _answers[request].ToString);
    }

    [TestCaseSource(nameof(ExpectedTypes))]
    public void Refused_request_has_the_exception_type_of_its_code(string request, int status, string? type)
    {
        Assert.That(_answers[request].Member("type"), Is.EqualTo(type), _answers[request].ToString);
    }

    [TestCaseSource(nameof(Expected))]
    public void Refused_request_answers_json(string request, int status, string? type)
    {
        Assert.That(_answers[request].MediaType, Is.EqualTo("application/json"), _answers[request].ToString);
    }

    [TestCaseSource(nameof(Expected))]
    public void Refused_request_answers_a_valid_exception(string request, int status, string? type)
    {
        Assert.That(_problems[request], Is.Null, _answers[request].ToString);
    }

    [TestCaseSource(nameof(Expected))]
    public void Refused_request_says_its_status_in_the_document(string request, int status, string? type)
    {
        Assert.That(_answers[request].Object["status"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null,
            Is.EqualTo(status), _answers[request].ToString);
    }

    [Test]
    public void A_failing_service_message_is_the_detail()
    {
        var answer = _answers["service fails with InvalidParameterValue"];

        Assert.That(answer.Member("detail"),
            Is.EqualTo("FailingInvalidParameter refuses every value: it exists to test how a rejected input is reported."), answer.ToString);
    }

    [Test]
    public void A_get_with_a_content_type_but_no_body_is_not_refused()
    {
        var answer = Api.Send("GET", "/processes", [], "text/plain");

        Assert.That(answer.StatusCode, Is.EqualTo(200), answer.ToString);
    }

    [Test]
    public void A_json_suffix_media_type_body_is_accepted()
    {
        var answer = Api.Post("/processes/echo/execution", """{"inputs":{"a":"x"},"outputs":{"a":{}},"response":"document"}""",
            "application/vnd.example+json; charset=utf-8");

        Assert.That(answer.StatusCode, Is.EqualTo(200), answer.ToString);
    }
}
