using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// Validates JSON documents offline against the OGC API - Processes 1.0 schemas with ../shared/schemas/validate-json.sh
/// (schema names such as <c>landingPage</c>, <c>process</c>, <c>results</c>, <c>statusInfo</c>, <c>exception</c>).
/// One run of the script costs about a second (Python loads the schemas), so documents of one schema are best checked
/// together with <see cref="ProblemsOfEach"/>.
/// </summary>
public static class JsonSchemaValidator
{
    private const string Packages = "python3-jsonschema python3-yaml";
    private const int ToolMissing = 3;

    private static string Script => Path.Combine(RepositoryPaths.Schemas, "validate-json.sh");

    /// <returns>null when the document is valid, else what the validator said.</returns>
    public static string? Problems(string schema, byte[] document)
    {
        var outcome = ExternalTool.Run("bash", [Script, "-q", schema, "-"], Packages, document);
        return Verdict(outcome) is { } problems ? $"exit {outcome.ExitCode}: {problems}" : null;
    }

    /// <summary>Validates several documents against one schema in a single run.</summary>
    /// <returns>for each document, in order, null when valid, else what the validator said about it.</returns>
    public static IReadOnlyList<string?> ProblemsOfEach(string schema, IReadOnlyList<byte[]> documents)
    {
        if (documents.Count == 0)
            return [];
        var folder = Directory.CreateTempSubdirectory("zoo-json-").FullName;
        try
        {
            var files = documents.Select((document, index) =>
            {
                var file = Path.Combine(folder, $"{index}.json");
                File.WriteAllBytes(file, document);
                return file;
            }).ToList();
            var outcome = ExternalTool.Run("bash", [Script, "-q", schema, .. files], Packages);
            if (outcome.ExitCode == 0)
                return files.Select(_ => (string?)null).ToList();
            Verdict(outcome);
            return files.Select(file => ReportOf(file, outcome.StandardError)).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void AssertValid(string schema, ApiResponse response)
    {
        var problems = Problems(schema, response.Body);
        Assert.That(problems, Is.Null, () => $"not a valid {schema} document:\n{response.Text}");
    }

    /// <summary>null when valid; fails the test when the validator itself cannot run (a missing package is not a finding).</summary>
    private static string? Verdict(ExternalTool.Outcome outcome)
    {
        if (outcome.ExitCode == ToolMissing || outcome.ExitCode == 2)
            Assert.Fail($"validate-json.sh cannot validate (exit {outcome.ExitCode}; these tests need {Packages}): {outcome.StandardError}");
        return outcome.ExitCode == 0 ? null : outcome.StandardError + outcome.StandardOutput;
    }

    /// <summary>The lines the validator wrote about one file: its "FILE: INVALID" line and the indented ones after it.</summary>
    private static string? ReportOf(string file, string report)
    {
        var lines = report.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith(file + ":", StringComparison.Ordinal));
        if (start < 0)
            return null;
        var block = lines.Skip(start + 1).TakeWhile(line => line.StartsWith(' '));
        return string.Join('\n', block.Prepend(lines[start]));
    }
}
