using System.Text.Json.Nodes;
using Zoo.Core.OgcApi;
using Zoo.Core.Tests.OgcApi.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.OgcApi.Jobs;

/// <summary>The OGC API context of a request on a tmpPath, and the offline check of several documents at once against the OGC schemas.</summary>
public static class JobApi
{
    public const string RootUrl = ApiContexts.RootUrl;

    /// <param name="pathAndQuery">as the web server rewrites it into QUERY_STRING: <c>/jobs?limit=2</c>.</param>
    public static ApiContext Context(string tmpPath, string pathAndQuery = "/jobs", string oas = "") =>
        ApiContexts.For(tmpPath, pathAndQuery, oas, mainCfg: $"tmpPath = {tmpPath}\n");

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
}
