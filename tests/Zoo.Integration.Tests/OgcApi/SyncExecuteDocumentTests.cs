using System.Text;
using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// Synchronous execution of <c>echo</c> answered with a results document (spec/ogcapi.md §3.6, §3.7, §3.9; test plan
/// §7.2 item 7): every kind of input comes back as the output of the same name, in the form §3.9 gives it. The
/// executions run once; the tests read what they answered.
/// </summary>
[TestFixture]
public sealed class SyncExecuteDocumentTests : OgcApiFixture
{
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private const string Crs84h = "http://www.opengis.net/def/crs/OGC/0/CRS84h";
    private const string Xml = "<a>x</a>";
    private const string ServedXml = "<doc><item>by reference</item></doc>";

    /// <summary>Not UTF-8, with every byte value: a TIFF header, then 0..255.</summary>
    private static readonly byte[] Tiff = [.. "II*\0"u8.ToArray(), .. Enumerable.Range(0, 256).Select(b => (byte)b)];

    private static readonly JsonObject ObjectInput = new()
    {
        ["x"] = 1,
        ["y"] = new JsonArray(true, null, "é"),
        ["z"] = new JsonObject { ["nested"] = 2.5 },
    };

    public static readonly string[] Scenarios =
        ["string", "qualified", "xml", "json", "bbox", "bbox3d", "array", "binary", "reference", "all", "defaultDocument"];

    private readonly StaticHttpServer _server = new();
    private readonly Dictionary<string, ApiResponse> _answers = [];
    private Dictionary<string, string?> _problems = null!;

    protected override void Prepare(ServiceDirectory services) => SetOas("openapi", "default_result_as_document", "true");

    [OneTimeSetUp]
    public void ExecuteEachScenario()
    {
        var href = _server.Serve("/doc.xml", "text/xml", Encoding.UTF8.GetBytes(ServedXml));
        Run("string", Execute(new JsonObject { ["a"] = "teststring" }, ByValue("a")));
        Run("qualified", Execute(new JsonObject { ["a"] = new JsonObject { ["value"] = "qualified value" } }, ByValue("a")));
        Run("xml", Execute(new JsonObject { ["b"] = XmlInput() }, ByValue("b")));
        Run("json", Execute(new JsonObject { ["b"] = new JsonObject { ["value"] = ObjectInput.DeepClone(), ["mediaType"] = "application/json" } }, ByValue("b")));
        Run("bbox", Execute(new JsonObject { ["c"] = Box(Crs84, -10.5, 20, 30, 40.25) }, ByValue("c")));
        Run("bbox3d", Execute(new JsonObject { ["c"] = Box(Crs84h, 1, 2, -100, 3, 4, 250.5) }, ByValue("c")));
        Run("array", Execute(new JsonObject { ["d"] = new JsonArray(3, 1, 2) }, ByValue("d")));
        Run("binary", Execute(new JsonObject { ["e"] = BinaryInput() }, ByValue("e")));
        Run("reference", Execute(new JsonObject { ["b"] = new JsonObject { ["href"] = href, ["type"] = "text/xml" } }, ByValue("b")));
        Run("all", Execute(new JsonObject
        {
            ["a"] = "teststring",
            ["b"] = XmlInput(),
            ["c"] = Box(Crs84, 1, 2, 3, 4),
            ["pause"] = 0,
            ["d"] = new JsonArray(5),
            ["e"] = BinaryInput(),
        }));
        Run("defaultDocument", Execute(new JsonObject { ["a"] = "no response member" }, ByValue("a"), response: null));
        var documents = Scenarios.Where(s => _answers[s].StatusCode == 200).ToList();
        var problems = JsonSchemaValidator.ProblemsOfEach("results", documents.Select(s => _answers[s].Body).ToList());
        _problems = documents.Zip(problems).ToDictionary(p => p.First, p => p.Second);
    }

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    private void Run(string scenario, JsonObject body) => _answers[scenario] = Api.Post("/processes/echo/execution", body);

    private static JsonObject XmlInput() => new() { ["value"] = Xml, ["mediaType"] = "text/xml" };

    private static JsonObject BinaryInput() =>
        new() { ["value"] = Convert.ToBase64String(Tiff), ["mediaType"] = "image/tiff", ["encoding"] = "base64" };

    private static JsonObject Box(string crs, params double[] corners) =>
        new() { ["bbox"] = new JsonArray(corners.Select(c => (JsonNode?)c).ToArray()), ["crs"] = crs };

    private JsonObject Result(string scenario) => _answers[scenario].Object;

    private string Shown(string scenario) => _answers[scenario].ToString();

    [TestCaseSource(nameof(Scenarios))]
    public void Execution_answers_200_with_json(string scenario)
    {
        Assert.That((_answers[scenario].StatusCode, _answers[scenario].MediaType), Is.EqualTo((200, "application/json")), Shown(scenario));
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Execution_answers_a_valid_results_document(string scenario)
    {
        Assume.That(_problems.ContainsKey(scenario), "the execution answered 200");

        Assert.That(_problems[scenario], Is.Null, Shown(scenario));
    }

    [Test]
    public void A_string_comes_back_as_a_bare_string()
    {
        Assert.That(ApiJson.Same(Result("string")["a"], JsonValue.Create("teststring")), Shown("string"));
    }

    [Test]
    public void A_qualified_literal_value_comes_back_as_its_value()
    {
        Assert.That(ApiJson.Same(Result("qualified")["a"], JsonValue.Create("qualified value")), Shown("qualified"));
    }

    [Test]
    public void An_xml_document_comes_back_as_a_qualified_value_with_its_text()
    {
        Assert.That(ApiJson.Text(Result("xml")["b"]?["value"]), Is.EqualTo(Xml), Shown("xml"));
    }

    [Test]
    public void An_xml_result_names_its_media_type()
    {
        Assert.That(ApiJson.Text(Result("xml")["b"]?["format"]?["mediaType"]), Is.EqualTo("text/xml"), Shown("xml"));
    }

    [Test]
    public void An_inline_json_object_comes_back_as_the_same_object()
    {
        Assert.That(ApiJson.Same(Result("json")["b"]?["value"], ObjectInput), Shown("json"));
    }

    [Test]
    public void A_bounding_box_comes_back_with_its_corners_and_crs()
    {
        var expected = Box(Crs84, -10.5, 20, 30, 40.25);

        Assert.That(ApiJson.Same(Result("bbox")["c"], expected), Shown("bbox"));
    }

    [Test]
    public void A_3d_bounding_box_comes_back_with_its_six_numbers_and_crs84h()
    {
        var expected = Box(Crs84h, 1, 2, -100, 3, 4, 250.5);

        Assert.That(ApiJson.Same(Result("bbox3d")["c"], expected), Shown("bbox3d"));
    }

    [Test]
    public void An_array_comes_back_as_the_same_integers_in_order()
    {
        Assert.That(ApiJson.Same(Result("array")["d"]?["value"], new JsonArray(3, 1, 2)), Shown("array"));
    }

    [Test]
    public void A_base64_binary_comes_back_byte_for_byte()
    {
        var value = ApiJson.Text(Result("binary")["e"]?["value"]) ?? throw new AssertionException("no e.value:\n" + Shown("binary"));

        Assert.That(Convert.FromBase64String(value), Is.EqualTo(Tiff));
    }

    [Test]
    public void A_binary_result_says_base64_image_tiff()
    {
        var format = Result("binary")["e"]?["format"];

        Assert.That((ApiJson.Text(format?["mediaType"]), ApiJson.Text(format?["encoding"])), Is.EqualTo(("image/tiff", "base64")), Shown("binary"));
    }

    [Test]
    public void A_reference_is_fetched_and_its_content_comes_back()
    {
        Assert.That(ApiJson.Text(Result("reference")["b"]?["value"]), Is.EqualTo(ServedXml), Shown("reference"));
    }

    [Test]
    public void A_reference_is_fetched_from_its_server()
    {
        Assert.That(_server.Requests, Has.Some.StartsWith("GET /doc.xml "));
    }

    [Test]
    public void Without_outputs_every_output_comes_back()
    {
        Assert.That(Result("all").Select(p => p.Key), Is.EquivalentTo(new[] { "a", "b", "c", "d", "e" }), Shown("all"));
    }

    [Test]
    public void Without_outputs_each_output_holds_its_input()
    {
        var result = Result("all");

        Assert.That(new[]
        {
            ApiJson.Same(result["a"], JsonValue.Create("teststring")),
            ApiJson.Text(result["b"]?["value"]) == Xml,
            ApiJson.Same(result["c"], Box(Crs84, 1, 2, 3, 4)),
            ApiJson.Same(result["d"]?["value"], new JsonArray(5)),
            ApiJson.Text(result["e"]?["value"]) is { } e && Convert.FromBase64String(e).SequenceEqual(Tiff),
        }, Has.All.True, Shown("all"));
    }

    [Test]
    public void Without_response_a_document_comes_back_when_oas_cfg_sets_default_result_as_document()
    {
        Assert.That(ApiJson.Same(Result("defaultDocument")["a"], JsonValue.Create("no response member")), Shown("defaultDocument"));
    }
}
