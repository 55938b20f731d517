using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Wps.Responses;

/// <summary>
/// The bodies of the original ZOO-Kernel's answers in ../shared/zoo-examples (01 to 04), byte for
/// byte, read from the files themselves; each ends with the newline libxml2 writes after the root.
/// </summary>
public static class ZooExamples
{
    public static string GetCapabilities10 => Body("01-getcapabilities-1.0.0.txt");

    public static string GetCapabilities20 => Body("02-getcapabilities-2.0.0.txt");

    public static string DescribeHelloPy10 => Body("03-describeprocess-hellopy-1.0.0.txt");

    public static string DescribeHelloPy20 => Body("04-describeprocess-hellopy-2.0.0.txt");

    /// <summary>What follows the CGI headers (which end with an empty CRLF line).</summary>
    private static string Body(string example)
    {
        var raw = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "..", "shared", "zoo-examples", example));
        return raw[(raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
    }
}
