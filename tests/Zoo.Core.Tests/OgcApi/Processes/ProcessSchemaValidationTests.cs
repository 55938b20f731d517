using System.Text.Json.Nodes;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.OgcApi.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.OgcApi.Processes;

/// <summary>
/// The documents of every sample service in cgi-env/ validate against the OGC API - Processes 1.0 schemas
/// (../shared/schemas/validate-json.sh, python3-jsonschema; ZOO_SCHEMAS names another copy of the schemas).
/// </summary>
public class ProcessSchemaValidationTests
{
    private const int ToolMissing = 3;

    private static string Script =>
        Path.Combine(Environment.GetEnvironmentVariable("ZOO_SCHEMAS") is { Length: > 0 } schemas
            ? schemas
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "schemas")), "validate-json.sh");

    private static IReadOnlyList<string> SampleFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.CgiEnv, "*.zcfg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static string Id(string path)
    {
        var relative = Path.GetRelativePath(RepositoryRoot.CgiEnv, path);
        var directory = Path.GetDirectoryName(relative) is { Length: > 0 } d ? d.Replace(Path.DirectorySeparatorChar, '.') + "." : "";
        return directory + ZcfgParser.ReadFile(path).Name;
    }

    private static (string Id, JsonNode Document) Description(string path)
    {
        var id = Id(path);
        return (id, ProcessDocument.Description(ZcfgParser.ReadFile(path), id, Links(id)));
    }

    private static JsonArray Links(string id) => [ProcessLinks.Link("self", "Process Description", $"{ApiContexts.RootUrl}/processes/{id}")];

    /// <summary>Writes each document to a file and validates them all in one run; fails naming what the script said.</summary>
    private static void AssertValid(string schema, IEnumerable<(string Name, JsonNode Document)> documents)
    {
        using var directory = new TempDirectory();
        var files = documents.Select(d => directory.Write(d.Name + ".json", d.Document.ToJsonString())).ToList();
        var outcome = ExternalTool.Run("bash", [Script, "-q", schema, .. files], "python3-jsonschema");
        if (outcome.ExitCode == ToolMissing)
            Assert.Ignore($"validate-json.sh cannot validate here: {outcome.StandardError}");
        Assert.That(outcome.ExitCode, Is.Zero, () => outcome.StandardError + outcome.StandardOutput);
    }

    [Test]
    public void The_description_of_every_sample_service_is_a_valid_process()
    {
        AssertValid("process", SampleFiles().Select(Description));
    }

    [Test]
    public void The_description_of_a_process_with_inner_outputs_is_a_valid_process()
    {
        AssertValid("process", [("Smoothing", ProcessDocument.Description(InnerOutputs.Process, "Smoothing", Links("Smoothing")))]);
    }

    [Test]
    public void The_list_of_the_sample_services_is_a_valid_process_list()
    {
        var context = ApiContexts.For(RepositoryRoot.CgiEnv, "/processes&limit=1000");

        AssertValid("processList", [("processes", ApiContexts.Body(ProcessList.Answer(context)))]);
    }

    [Test]
    public void A_page_of_the_sample_services_is_a_valid_process_list()
    {
        var context = ApiContexts.For(RepositoryRoot.CgiEnv, "/processes&limit=2&skip=2");

        AssertValid("processList", [("page", ApiContexts.Body(ProcessList.Answer(context)))]);
    }
}
