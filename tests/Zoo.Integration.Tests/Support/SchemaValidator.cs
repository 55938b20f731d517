using System.Diagnostics;

namespace Zoo.Integration.Tests.Support;

/// <summary>Validates a document offline against the official OGC schemas with ../shared/schemas/validate.sh.</summary>
public static class SchemaValidator
{
    /// <returns>null when valid, else what xmllint said.</returns>
    public static string? Problems(byte[] document)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Schemas, "validate.sh"), "-q", "-" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(document);
        process.StandardInput.Close();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {output.Result}{errors.Result}";
    }

    public static void AssertValid(CgiResult result)
    {
        var problems = Problems(result.Body);
        Assert.That(problems, Is.Null, () => "schema validation failed for:\n" + result.Text);
    }
}
