using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.Support;

/// <summary>Validates a document offline against the official OGC schemas with ../shared/schemas/validate.sh.</summary>
public static class SchemaValidator
{
    /// <returns>null when valid, else what xmllint said.</returns>
    public static string? Problems(byte[] document)
    {
        var outcome = ExternalTool.Run("bash", [Path.Combine(RepositoryPaths.Schemas, "validate.sh"), "-q", "-"], "libxml2-utils", document);
        return outcome.ExitCode == 0 ? null : $"exit {outcome.ExitCode}: {outcome.StandardOutput}{outcome.StandardError}";
    }

    public static void AssertValid(CgiResult result)
    {
        var problems = Problems(result.Body);
        Assert.That(problems, Is.Null, () => "schema validation failed for:\n" + result.Text);
    }
}
