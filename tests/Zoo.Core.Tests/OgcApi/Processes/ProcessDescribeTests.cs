using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Processes;

/// <summary>GET /processes/{id}: the description of one service, its links, and the answer for an unknown one.</summary>
public class ProcessDescribeTests
{
    private TempDirectory _services = null!;

    [SetUp]
    public void CreateServices()
    {
        _services = new TempDirectory();
        _services.Write("ogc/tests/Echo.zcfg", ProcessDocumentTests.Echo);
    }

    [TearDown]
    public void RemoveServices() => _services.Dispose();

    private Zoo.Core.Cgi.CgiResponse Describe(string id, string oasCfg = "", Zoo.Core.Processes.RunnerCatalog? runners = null) =>
        ProcessDescribe.Answer(ApiContexts.For(_services.Path, "/processes/" + id, oasCfg, runners: runners), id);

    [Test]
    public void A_process_is_described_under_its_namespaced_identifier()
    {
        var description = ApiContexts.Body(Describe("ogc.tests.Echo"));

        Assert.That(description["id"]!.GetValue<string>(), Is.EqualTo("ogc.tests.Echo"));
        Assert.That(description["inputs"]!.AsObject().Select(i => i.Key), Is.EqualTo(new[] { "message" }));
    }

    [Test]
    public void The_answer_is_JSON_with_200()
    {
        var response = Describe("ogc.tests.Echo");

        Assert.That((response.Header("Status"), response.Header("Content-Type")), Is.EqualTo(("200 OK", "application/json; charset=utf-8")));
    }

    [Test]
    public void A_description_links_to_itself_and_to_its_execute_endpoint()
    {
        JsonAssert.AreEqual($$"""
            [{"rel":"self","type":"application/json","title":"Process Description","href":"{{ApiContexts.RootUrl}}/processes/ogc.tests.Echo"},
             {"rel":"http://www.opengis.net/def/rel/ogc/1.0/execute","type":"application/json","title":"Execute End Point",
              "href":"{{ApiContexts.RootUrl}}/processes/ogc.tests.Echo/execution"}]
            """, ApiContexts.Body(Describe("ogc.tests.Echo"))["links"]);
    }

    [Test]
    public void The_execute_link_takes_its_rel_from_oas_cfg()
    {
        var links = ApiContexts.Body(Describe("ogc.tests.Echo", "[processes/{processID}/execution]\nrel = execute\n"))["links"]!.AsArray();

        Assert.That(links[1]!["rel"]!.GetValue<string>(), Is.EqualTo("execute"));
    }

    [Test]
    public void A_hidden_process_is_still_described()
    {
        Assert.That(Describe("ogc.tests.Echo", "[hidden_processes]\nservice = ogc.tests.Echo\n").Header("Status"), Is.EqualTo("200 OK"));
    }

    [TestCase("Nothing")]
    [TestCase("ogc.Nothing")]
    [TestCase("..")]
    public void An_unknown_process_is_no_such_process(string id)
    {
        var error = Assert.Throws<ApiException>(() => Describe(id));

        Assert.That((error!.Code, error.Status, error.Detail), Is.EqualTo(("NoSuchProcess", 404, $"Process '{id}' not found")));
    }

    [Test]
    public void A_process_is_described_as_its_runner_presents_it()
    {
        _services.Write("Hpc.zcfg", "[Hpc]\n serviceType = HPC\n");

        JsonAssert.AreEqual("""["async-execute","dismiss"]""",
            ApiContexts.Body(Describe("Hpc", runners: ApiContexts.AsyncOnlyRunner("HPC")))["jobControlOptions"]);
    }
}
