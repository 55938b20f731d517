using System.Text;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.TestSupport;

/// <summary>
/// Validates a document offline against the official OGC schemas with ../shared/schemas/validate.sh (xmllint), as
/// the integration tests do; ZOO_SCHEMAS (set by test.sh) names another copy.
/// </summary>
public static class SchemaValidator
{
    private static string Schemas =>
        Environment.GetEnvironmentVariable("ZOO_SCHEMAS") is { Length: > 0 } schemas
            ? schemas
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "schemas"));

    /// <returns>null when valid, else what validate.sh said.</returns>
    public static string? Problems(string document)
    {
        var outcome = ExternalTool.Run("bash", [Path.Combine(Schemas, "validate.sh"), "-q", "-"], "libxml2-utils", Encoding.UTF8.GetBytes(document));
        return outcome.ExitCode == 0 ? null : $"exit {outcome.ExitCode}: {outcome.StandardOutput}{outcome.StandardError}";
    }

    public static void AssertValid(string document) =>
        Assert.That(Problems(document), Is.Null, () => "schema validation failed for:\n" + document);
}
