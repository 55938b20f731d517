using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Definition;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.OgcApi.Definition;

/// <summary>Contexts of GET requests to the OGC API over given main.cfg/oas.cfg texts or the files shipped in cgi-env/.</summary>
internal static class ApiFixtures
{
    public const string MainCfg = """
        [main]
        tmpPath=/tmp/zoo
        [identification]
        title=Test server
        abstract=A server for tests
        keywords=WPS,OGC
        [provider]
        providerName=Example
        providerSite=https://example.org
        addressElectronicMailAddress=zoo@example.org
        """;

    public static MainConfig Config(string text = MainCfg) => TestRequests.Config(text, "/srv/zoo/main.cfg");

    public static OasConfig Oas(string text) => OasConfig.From(IniDocument.Parse(text, "oas.cfg"), null);

    public static DefinitionSource Source(string oas, string main = MainCfg) => new(Oas(oas), Config(main));

    public static ApiContext Context(string oas, string main = MainCfg, string path = "/") => Context(Oas(oas), Config(main), path);

    public static ApiContext Context(OasConfig oas, MainConfig config, string path = "/") =>
        new(new ApiRequest("GET", false, path, path.Split('/', StringSplitOptions.RemoveEmptyEntries), ConfigValues.Empty),
            config, oas, TestRequests.Get(path), TextWriter.Null, RunnerCatalog.Empty);

    /// <summary>cgi-env/main.cfg and cgi-env/oas.cfg, as an operator deploys them.</summary>
    public static ApiContext Shipped(string path = "/")
    {
        var config = MainConfig.Load(Path.Combine(RepositoryRoot.CgiEnv, MainConfig.FileName));
        return Context(OasConfig.Load(config, null), config, path);
    }

    public static JsonNode Body(CgiResponse response) => JsonNode.Parse(response.Body)!;

    public static void AssertJsonEqual(JsonNode? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(actual, JsonNode.Parse(expected)), Is.True,
            () => $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    private static string Schemas =>
        Environment.GetEnvironmentVariable("ZOO_SCHEMAS") is { Length: > 0 } schemas
            ? schemas
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "schemas"));

    /// <summary>Validates a document against the vendored OGC API - Processes 1.0 schema <paramref name="name"/>.</summary>
    public static void AssertValid(string name, JsonNode document)
    {
        var outcome = ExternalTool.Run("bash", [Path.Combine(Schemas, "validate-json.sh"), name, "-"], "python3-jsonschema python3-yaml",
            Encoding.UTF8.GetBytes(document.ToJsonString()));
        Assert.That(outcome.ExitCode, Is.Zero, () => $"{name}: {outcome.StandardError}{outcome.StandardOutput}");
    }

    /// <summary>The vendored copies of the OGC's published 1.0 files that the shipped oas.cfg refers to.</summary>
    public static string PublishedFiles => Path.Combine(Schemas, "ogcapi-processes-1.0");
}
