namespace Zoo.Core.Configuration.Checking;

/// <summary>The message of a reader's syntax error without the file and line it starts with, which a finding shows apart.</summary>
internal static class SyntaxErrors
{
    /// <param name="source">the name the reader was given for the file (main.cfg's and oas.cfg's start their messages with it).</param>
    public static string Detail(ConfigurationException error, string? source = null)
    {
        foreach (var prefix in new[] { $"{source} line {error.Line}: ", $"error: line {error.Line}: " })
        {
            if (error.Message.StartsWith(prefix, StringComparison.Ordinal))
                return error.Message[prefix.Length..];
        }
        return error.Message;
    }
}
