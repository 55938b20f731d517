using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.OgcApi.Jobs;

/// <summary>The OGC API context of a request on a tmpPath, and the offline check of its documents against the OGC schemas.</summary>
public static class JobApi
{
    public const string RootUrl = "http://localhost/ogc-api";

    /// <param name="pathAndQuery">as the web server rewrites it into QUERY_STRING: <c>/jobs?limit=2</c>.</param>
    public static ApiContext Context(string tmpPath, string pathAndQuery = "/jobs", string oas = "")
    {
        var cgi = TestRequests.Get(pathAndQuery);
        var config = TestRequests.Config($"[main]\ntmpPath={tmpPath}\n");
        var oasConfig = OasConfig.From(IniDocument.Parse($"[openapi]\nrootUrl={RootUrl}\n{oas}", OasConfig.FileName), null);
        return new ApiContext(ApiRequest.From(cgi)!, config, oasConfig, cgi, TextWriter.Null, RunnerCatalog.Empty);
    }

    public static JsonNode Body(CgiResponse response) => JsonNode.Parse(response.Body)!;

    /// <summary>
    /// Fails unless every document is valid against the named OGC API - Processes 1.0 schema (validate-json.sh, given
    /// them all at once: loading the schemas is most of its time).
    /// </summary>
    public static void AssertValid(string schema, params JsonNode[] documents)
    {
        var schemas = Environment.GetEnvironmentVariable("ZOO_SCHEMAS") is { Length: > 0 } copy
            ? copy
            : Path.Combine(RepositoryRoot.Find(), "..", "shared", "schemas");
        using var directory = new TempDirectory();
        var files = documents.Select((document, i) => directory.Write($"document{i}.json", document.ToJsonString())).ToList();
        var outcome = ExternalTool.Run("bash", [Path.GetFullPath(Path.Combine(schemas, "validate-json.sh")), schema, .. files],
            "python3-jsonschema");
        Assert.That(outcome.ExitCode, Is.Zero, () => $"not a valid {schema}: {outcome.StandardError}{outcome.StandardOutput}\n"
                                                     + string.Join('\n', documents.Select(d => d.ToJsonString())));
    }

    public static void AssertJsonEqual(JsonNode actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(actual, JsonNode.Parse(expected)), Is.True,
            () => $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nbut got  {actual.ToJsonString()}");
}
