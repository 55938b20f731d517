using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Processes;

/// <summary>GET /processes on a service directory: order, paging and its links, hidden and broken services, runners.</summary>
public class ProcessListTests
{
    private TempDirectory _services = null!;

    [SetUp]
    public void CreateServices()
    {
        _services = new TempDirectory();
        foreach (var name in new[] { "Zeta", "Alpha", "Mid" })
            AddService(name);
        AddService("Echo", "ogc/tests");
    }

    [TearDown]
    public void RemoveServices() => _services.Dispose();

    private void AddService(string name, string directory = "", string keys = "") =>
        _services.Write(Path.Combine(directory, name + ".zcfg"), $"""
            [{name}]
             Title = The {name} service
             processVersion = 2
             serviceType = Python
            {keys}
             <DataOutputs>
              [Result]
               Title = Result
               <LiteralOutput>
                dataType = string
                <Default />
               </LiteralOutput>
             </DataOutputs>
            """);

    private System.Text.Json.Nodes.JsonObject List(string query = "", string oasCfg = "", TextWriter? log = null,
        Zoo.Core.Processes.RunnerCatalog? runners = null, string mainCfg = "") =>
        ApiContexts.Body(ProcessList.Answer(ApiContexts.For(_services.Path, "/processes" + query, oasCfg, log, runners, mainCfg)));

    private static IEnumerable<string> Ids(System.Text.Json.Nodes.JsonObject list) =>
        list["processes"]!.AsArray().Select(p => p!["id"]!.GetValue<string>());

    private static IEnumerable<string> Rels(System.Text.Json.Nodes.JsonObject list) =>
        list["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>());

    private static string Href(System.Text.Json.Nodes.JsonObject list, string rel) =>
        list["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == rel)!["href"]!.GetValue<string>();

    [Test]
    public void Processes_are_listed_by_identifier_with_their_namespace()
    {
        Assert.That(Ids(List()), Is.EqualTo(new[] { "Alpha", "Mid", "Zeta", "ogc.tests.Echo" }));
    }

    [Test]
    public void The_list_counts_every_process_and_links_to_itself()
    {
        JsonAssert.AreEqual($$"""
            {"numberTotal":4,
             "links":[{"rel":"self","type":"application/json","title":"this document","href":"{{ApiContexts.RootUrl}}/processes"}]}
            """, new System.Text.Json.Nodes.JsonObject
        {
            ["numberTotal"] = List()["numberTotal"]!.DeepClone(),
            ["links"] = List()["links"]!.DeepClone(),
        });
    }

    [Test]
    public void A_summary_is_the_process_s_header_with_a_link_to_its_description()
    {
        var alpha = List()["processes"]![0];

        JsonAssert.AreEqual($$"""
            {"id":"Alpha","title":"The Alpha service","mutable":false,"version":"2.0.0",
             "jobControlOptions":["sync-execute","async-execute","dismiss"],"outputTransmission":["value","reference"],
             "links":[{"rel":"self","type":"application/json","title":"Process Description","href":"{{ApiContexts.RootUrl}}/processes/Alpha"}]}
            """, alpha);
    }

    [Test]
    public void The_summary_link_takes_its_rel_from_oas_cfg()
    {
        var list = List(oasCfg: "[processes/{processID}]\nrel = http://www.opengis.net/def/rel/ogc/1.0/process-desc\n");

        Assert.That(list["processes"]![0]!["links"]![0]!["rel"]!.GetValue<string>(), Is.EqualTo("http://www.opengis.net/def/rel/ogc/1.0/process-desc"));
    }

    [Test]
    public void Limit_gives_that_many_processes_and_a_next_link()
    {
        var list = List("&limit=1");

        Assert.That(Ids(list), Is.EqualTo(new[] { "Alpha" }));
        Assert.That(Href(list, "next"), Is.EqualTo($"{ApiContexts.RootUrl}/processes?limit=1&skip=1"));
    }

    [Test]
    public void The_page_a_request_names_is_its_self_link()
    {
        Assert.That(Href(List("&limit=2&skip=1"), "self"), Is.EqualTo($"{ApiContexts.RootUrl}/processes?limit=2&skip=1"));
    }

    [Test]
    public void Skip_starts_later_and_links_to_the_previous_page()
    {
        var list = List("&limit=2&skip=1");

        Assert.That(Ids(list), Is.EqualTo(new[] { "Mid", "Zeta" }));
        Assert.That(Href(list, "prev"), Is.EqualTo($"{ApiContexts.RootUrl}/processes?limit=2&skip=0"));
        Assert.That(Href(list, "next"), Is.EqualTo($"{ApiContexts.RootUrl}/processes?limit=2&skip=3"));
    }

    [Test]
    public void The_last_page_has_no_next_link_even_when_it_is_exactly_full()
    {
        Assert.That(Rels(List("&limit=2&skip=2")), Is.EqualTo(new[] { "self", "prev" }));
    }

    [Test]
    public void The_first_page_has_no_previous_link()
    {
        Assert.That(Rels(List("&limit=4")), Is.EqualTo(new[] { "self" }));
    }

    [Test]
    public void A_page_past_the_end_is_empty_but_still_counts_every_process()
    {
        var list = List("&skip=10");

        Assert.That(Ids(list), Is.Empty);
        Assert.That(list["numberTotal"]!.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public void Without_limit_the_page_is_oas_cfg_s_default()
    {
        Assert.That(Ids(List(oasCfg: "[limitParam]\nschema_default = 3\n")).Count(), Is.EqualTo(3));
    }

    [TestCase("&limit=0")]
    [TestCase("&limit=abc")]
    [TestCase("&limit=")]
    [TestCase("&limit=1.5")]
    [TestCase("&limit=-1")]
    [TestCase("&limit=10001")]
    [TestCase("&skip=-1")]
    [TestCase("&skip=x")]
    public void A_limit_or_skip_that_is_not_an_allowed_integer_is_a_bad_query(string query)
    {
        var error = Assert.Throws<ApiException>(() => List(query));

        Assert.That((error!.Code, error.Status), Is.EqualTo(("InvalidQueryParameterValue", 400)));
    }

    [Test]
    public void The_largest_limit_is_oas_cfg_s_maximum()
    {
        Assert.That(Ids(List("&limit=10", "[limitParam]\nschema_maximum = 10\n")).Count(), Is.EqualTo(4));
        Assert.Throws<ApiException>(() => List("&limit=11", "[limitParam]\nschema_maximum = 10\n"));
    }

    [Test]
    public void Hidden_processes_are_not_listed()
    {
        var list = List(oasCfg: "[hidden_processes]\nservice = Mid\nservice_1 = ogc.tests.Echo\nlength = 2\n");

        Assert.That(Ids(list), Is.EqualTo(new[] { "Alpha", "Zeta" }));
        Assert.That(list["numberTotal"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public void A_hidden_name_hides_only_the_process_of_exactly_that_name()
    {
        Assert.That(Ids(List(oasCfg: "[hidden_processes]\nservice = AlphaBeta\n")), Does.Contain("Alpha"));
    }

    [Test]
    public void A_zcfg_that_does_not_parse_is_logged_and_left_out()
    {
        _services.Write("Broken.zcfg", "no section here\n");
        var log = new StringWriter();

        var list = List(log: log);

        Assert.That(Ids(list), Is.EqualTo(new[] { "Alpha", "Mid", "Zeta", "ogc.tests.Echo" }));
        Assert.That(log.ToString(), Does.Contain("Broken.zcfg"));
    }

    [Test]
    public void A_process_is_listed_as_its_runner_presents_it()
    {
        AddService("Hpc", keys: " serviceType = HPC");

        var hpc = List(runners: ApiContexts.AsyncOnlyRunner("HPC"))["processes"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "Hpc");

        JsonAssert.AreEqual("""["async-execute","dismiss"]""", hpc!["jobControlOptions"]);
    }

    [Test]
    public void A_list_from_the_header_cache_is_the_list_from_the_files()
    {
        using var cache = new TempDirectory();
        var fromFiles = List();

        List(mainCfg: $"cacheDir = {cache.Path}\n");
        var fromCache = List(mainCfg: $"cacheDir = {cache.Path}\n");

        Assert.That(Directory.GetFiles(cache.Path), Is.Not.Empty);
        JsonAssert.AreEqual(fromFiles.ToJsonString(), fromCache);
    }

    [Test]
    public void With_the_header_cache_a_zcfg_that_does_not_parse_is_still_left_out()
    {
        using var cache = new TempDirectory();
        List(mainCfg: $"cacheDir = {cache.Path}\n");
        _services.Write("Broken.zcfg", "no section here\n");

        Assert.That(Ids(List(mainCfg: $"cacheDir = {cache.Path}\n")), Is.EqualTo(new[] { "Alpha", "Mid", "Zeta", "ogc.tests.Echo" }));
    }
}
