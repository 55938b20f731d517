using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// The process list and the process descriptions (spec/ogcapi.md §3.4, §3.5; test plan §7.2 items 4–6), on every
/// process shipped in cgi-env, one of them hidden by oas.cfg.
/// </summary>
[TestFixture]
public sealed class ProcessListAndDescriptionTests : OgcApiFixture
{
    private const string ExecuteRel = "http://www.opengis.net/def/rel/ogc/1.0/execute";
    private const string Hidden = "FailingService";

    private ApiResponse _list = null!;
    private Dictionary<string, ApiResponse> _descriptions = null!;
    private Dictionary<string, string?> _descriptionProblems = null!;

    protected override void Prepare(ServiceDirectory services)
    {
        SetOas("hidden_processes", "length", "1");
        SetOas("hidden_processes", "service", Hidden);
    }

    /// <summary>The identifier of every .zcfg of cgi-env: its name, prefixed by its namespace directories.</summary>
    public static IEnumerable<string> ShippedProcesses() =>
        Directory.EnumerateFiles(RepositoryPaths.CgiEnv, "*.zcfg", SearchOption.AllDirectories)
            .Select(file => Path.ChangeExtension(Path.GetRelativePath(RepositoryPaths.CgiEnv, file), null).Replace(Path.DirectorySeparatorChar, '.'))
            .Order(StringComparer.Ordinal);

    [OneTimeSetUp]
    public void AskTheListAndEveryDescription()
    {
        _list = Api.Get("/processes");
        _descriptions = ShippedProcesses().ToDictionary(id => id, id => Api.Get("/processes/" + id));
        var ids = _descriptions.Keys.ToList();
        var problems = JsonSchemaValidator.ProblemsOfEach("process", ids.Select(id => _descriptions[id].Body).ToList());
        _descriptionProblems = ids.Zip(problems).ToDictionary(p => p.First, p => p.Second);
    }

    private IReadOnlyList<JsonObject> Summaries(ApiResponse list) => (list.Object["processes"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private IReadOnlyList<string?> Ids(ApiResponse list) => Summaries(list).Select(p => ApiJson.Text(p["id"])).ToList();

    [Test]
    public void Process_list_answers_200_with_a_valid_processList()
    {
        Assert.That(_list.StatusCode, Is.EqualTo(200), _list.ToString);
        JsonSchemaValidator.AssertValid("processList", _list);
    }

    [Test]
    public void Process_list_names_every_shipped_process_but_the_hidden_one()
    {
        var expected = ShippedProcesses().Where(id => id != Hidden);

        Assert.That(Ids(_list), Is.EquivalentTo(expected), _list.ToString);
    }

    [Test]
    public void Process_list_is_sorted_by_id()
    {
        Assert.That(Ids(_list), Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal), _list.ToString);
    }

    [Test]
    public void A_hidden_process_can_still_be_described()
    {
        Assert.That(Api.Get("/processes/" + Hidden).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void Each_summary_links_to_its_description_with_rel_self()
    {
        var missing = Summaries(_list)
            .Where(p => !ApiJson.Links(p).Any(l => l.Rel == "self" && l.Href == $"{RootUrl}/processes/{ApiJson.Text(p["id"])}"))
            .Select(p => ApiJson.Text(p["id"]));

        Assert.That(missing, Is.Empty, _list.ToString);
    }

    [Test]
    public void Limit_1_gives_exactly_one_process()
    {
        var page = Api.Get("/processes?limit=1");

        Assert.That(Summaries(page), Has.Count.EqualTo(1), page.ToString);
    }

    [Test]
    public void Limit_1_gives_a_next_link_to_the_following_page()
    {
        var page = Api.Get("/processes?limit=1");
        var next = page.LinksOf("next").SingleOrDefault() ?? throw new AssertionException("no next link:\n" + page);
        Assume.That(next, Does.StartWith(RootUrl + "/processes?"), "the next link is under the root url");

        var following = Api.Get(next[RootUrl.Length..]);

        Assert.That(Ids(following), Has.Count.EqualTo(1).And.Not.EquivalentTo(Ids(page)), following.ToString);
    }

    [Test]
    public void Limit_10_is_accepted()
    {
        var page = Api.Get("/processes?limit=10");

        Assert.That((page.StatusCode, Summaries(page).Count), Is.EqualTo((200, 10)), page.ToString);
    }

    [TestCase("0")]
    [TestCase("abc")]
    [TestCase("-1")]
    public void An_invalid_limit_is_a_400(string limit)
    {
        var page = Api.Get("/processes?limit=" + limit);

        Assert.That(page.StatusCode, Is.EqualTo(400), page.ToString);
    }

    [Test]
    public void An_invalid_limit_answers_a_valid_exception()
    {
        JsonSchemaValidator.AssertValid("exception", Api.Get("/processes?limit=abc"));
    }

    [Test]
    public void Unknown_process_is_a_404_no_such_process()
    {
        var answer = Api.Get("/processes/no-such-process-here");

        Assert.That((answer.StatusCode, answer.Member("type")),
            Is.EqualTo((404, "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process")), answer.ToString);
    }

    [Test]
    public void Unknown_process_answer_is_a_valid_exception_with_title_and_status()
    {
        var answer = Api.Get("/processes/no-such-process-here");

        JsonSchemaValidator.AssertValid("exception", answer);
        Assert.That((answer.Member("title"), answer.Object["status"]?.GetValue<int>()), Is.EqualTo(("NoSuchProcess", 404)), answer.ToString);
    }

    [TestCaseSource(nameof(ShippedProcesses))]
    public void Description_answers_200(string id)
    {
        Assert.That(_descriptions[id].StatusCode, Is.EqualTo(200), _descriptions[id].ToString);
    }

    [TestCaseSource(nameof(ShippedProcesses))]
    public void Description_is_a_valid_process_document(string id)
    {
        Assert.That(_descriptionProblems[id], Is.Null, _descriptions[id].ToString);
    }

    [TestCaseSource(nameof(ShippedProcesses))]
    public void Description_links_to_its_execution_with_the_execute_rel(string id)
    {
        Assert.That(_descriptions[id].LinksOf(ExecuteRel), Does.Contain($"{RootUrl}/processes/{id}/execution"), _descriptions[id].ToString);
    }

    [Test]
    public void Echo_describes_its_inputs_and_outputs_in_zcfg_order()
    {
        var echo = _descriptions["echo"].Object;

        Assert.That(((echo["inputs"] as JsonObject ?? []).Select(p => p.Key), (echo["outputs"] as JsonObject ?? []).Select(p => p.Key)),
            Is.EqualTo((new[] { "a", "b", "c", "pause", "d", "e" }, new[] { "a", "b", "c", "d", "e" })), _descriptions["echo"].ToString);
    }

    [Test]
    public void Echo_array_input_has_max_occurs_10_and_optional_inputs_min_occurs_0()
    {
        var d = _descriptions["echo"].Object["inputs"]?["d"];

        Assert.That((d?["minOccurs"]?.GetValue<int>(), d?["maxOccurs"]?.GetValue<int>()), Is.EqualTo(((int?)0, (int?)10)), d?.ToJsonString());
    }

    [Test]
    public void Echo_binary_input_schema_offers_base64_image_tiff()
    {
        var schema = _descriptions["echo"].Object["inputs"]?["e"]?["schema"];
        var alternatives = schema?["oneOf"] is JsonArray oneOf ? oneOf.ToList() : [schema];

        Assert.That(alternatives.Any(a => ApiJson.Text(a?["contentMediaType"]) == "image/tiff" && ApiJson.Text(a?["contentEncoding"]) == "base64"),
            schema?.ToJsonString());
    }

    [Test]
    public void Echo_pause_schema_is_a_number_with_default_0()
    {
        var schema = _descriptions["echo"].Object["inputs"]?["pause"]?["schema"];

        Assert.That((ApiJson.Text(schema?["type"]), schema?["default"]?.GetValue<double>()), Is.EqualTo(("number", (double?)0)), schema?.ToJsonString());
    }

    [Test]
    public void No_description_puts_a_charset_in_content_encoding()
    {
        var wrong = _descriptions.Where(d => ContentEncodings(d.Value.Json).Any(e => e is not ("base64" or "binary")))
            .Select(d => d.Key);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void No_description_has_the_stray_raw_schema1_member()
    {
        var wrong = _descriptions.Where(d => d.Value.Text.Contains("\"raw_schema1\"", StringComparison.Ordinal)).Select(d => d.Key);

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void A_process_that_runs_both_ways_offers_sync_async_and_dismiss()
    {
        var options = _descriptions["echo"].Object["jobControlOptions"] as JsonArray ?? [];

        Assert.That(options.Select(ApiJson.Text), Is.EquivalentTo(new[] { "sync-execute", "async-execute", "dismiss" }), _descriptions["echo"].ToString);
    }

    [Test]
    public void An_async_only_process_offers_async_execute_and_dismiss_only()
    {
        var options = _descriptions["AsyncEcho"].Object["jobControlOptions"] as JsonArray ?? [];

        Assert.That(options.Select(ApiJson.Text), Is.EquivalentTo(new[] { "async-execute", "dismiss" }), _descriptions["AsyncEcho"].ToString);
    }

    private static IEnumerable<string> ContentEncodings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "contentEncoding" && ApiJson.Text(p.Value) is { } value ? [value] : ContentEncodings(p.Value)),
        JsonArray a => a.SelectMany(ContentEncodings),
        _ => [],
    };
}
