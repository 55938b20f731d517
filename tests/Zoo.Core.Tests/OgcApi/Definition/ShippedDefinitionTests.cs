using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.OgcApi.Operations;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.OgcApi.Definition;

/// <summary>The definition cgi-env/oas.cfg gives: every Part 1 path, and a valid OpenAPI 3.0 document.</summary>
public sealed class ShippedDefinitionTests
{
    private const string PublishedBase = "://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/";

    private static JsonNode Definition() => ApiFixtures.Body(ApiDefinition.Answer(ApiFixtures.Shipped("/api")));

    [Test]
    public void Every_path_of_part_1_is_defined_with_its_methods()
    {
        var paths = Definition()["paths"]!.AsObject()
            .Select(p => $"{p.Key} {string.Join(",", p.Value!.AsObject().Select(m => m.Key))}");

        Assert.That(paths, Is.EqualTo(new[]
        {
            "/ get", "/api get", "/conformance get", "/processes get", "/processes/{processID} get",
            "/processes/{processID}/execution post", "/jobs get", "/jobs/{jobID} get,delete", "/jobs/{jobID}/results get",
        }));
    }

    [Test]
    public void No_link_of_the_definition_points_to_html()
    {
        Assert.That(Definition().ToJsonString(), Does.Not.Contain(".html"));
    }

    [Test]
    public void Every_local_reference_resolves_inside_the_definition()
    {
        var definition = Definition();
        var unresolved = References(definition).Where(r => r.StartsWith('#') && Resolve(definition, r) is null).ToList();

        Assert.That(unresolved, Is.Empty);
    }

    [Test]
    public void Every_published_file_referenced_is_one_of_the_vendored_1_0_files()
    {
        var missing = References(Definition())
            .Where(r => r.Contains(PublishedBase, StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf(PublishedBase, StringComparison.Ordinal) + PublishedBase.Length)..])
            .Where(file => !File.Exists(Path.Combine(ApiFixtures.PublishedFiles, file)))
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void The_definition_is_a_valid_OpenAPI_3_0_document()
    {
        if (OpenApiValidatorPython() is not { } python)
        {
            Assert.Ignore("no python3 here imports openapi_spec_validator (Debian 12 has no python3-openapi-spec-validator; pip's openapi-spec-validator provides it)");
            return;
        }
        var outcome = ExternalTool.Run(python, ["-c", ValidatorScript, ApiFixtures.PublishedFiles], "python3-openapi-spec-validator",
            Encoding.UTF8.GetBytes(Definition().ToJsonString()));

        Assert.That(outcome.ExitCode, Is.Zero, () => outcome.StandardError + outcome.StandardOutput);
    }

    /// <summary>
    /// openapi-spec-validator on the definition (standard input), every reference to the OGC's published files read
    /// from their vendored copies (argument 1), so the check runs offline; any other remote reference fails it.
    /// </summary>
    private const string ValidatorScript = """
        import json, sys, yaml
        from jsonschema_path import SchemaPath
        from openapi_spec_validator.validation import OpenAPIV30SpecValidator

        vendored = sys.argv[1]
        published = "://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/"

        def published_default(node):
            # The published 1.0 files give execute's response and transmissionMode a string default; the approved
            # commit vendored here a one-item list (opengeospatial/ogcapi-processes#524), which OpenAPI 3.0 rejects.
            if isinstance(node, dict):
                if node.get("type") == "string" and isinstance(node.get("default"), list) and len(node["default"]) == 1:
                    node["default"] = node["default"][0]
                for value in node.values():
                    published_default(value)
            elif isinstance(node, list):
                for value in node:
                    published_default(value)
            return node

        def offline(uri):
            if published not in uri:
                raise ValueError("not available offline: " + uri)
            with open(vendored + "/" + uri.split(published, 1)[1].split("#", 1)[0], encoding="utf-8") as f:
                return published_default(yaml.safe_load(f))

        spec = SchemaPath.from_dict(json.load(sys.stdin), handlers={"http": offline, "https": offline})
        OpenAPIV30SpecValidator(spec).validate()
        """;

    /// <summary>Debian's python3 first (as the other validators run), else the python3 first on PATH.</summary>
    private static string? OpenApiValidatorPython()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "python3"));
        return new[] { "/usr/bin/python3" }.Concat(onPath)
            .Where(File.Exists)
            .Distinct()
            .FirstOrDefault(python => ExternalTool.Run(python, ["-c", "import openapi_spec_validator"], "python3").ExitCode == 0);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static JsonNode? Resolve(JsonNode root, string reference)
    {
        JsonNode? node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject o && o.TryGetPropertyValue(part.Replace("~1", "/").Replace("~0", "~"), out var child) ? child : null;
        return node;
    }
}
