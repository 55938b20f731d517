using System.Text;
using System.Text.RegularExpressions;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests;

/// <summary>
/// The published CGI answers the requests of ../shared/zoo-examples byte for byte as the original
/// kernel did, given the same configuration. One difference is deliberate: processes are listed in
/// name order instead of the file system's order, so the expected listing is put in name order first.
/// </summary>
[TestFixture]
public sealed partial class ZooCompatibilityTests
{
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyFixture() => _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("zoo-compat"));

    [OneTimeTearDown]
    public void RemoveFixture() => _services.Dispose();

    [TestCase("01-getcapabilities-1.0.0.txt", "service=WPS&request=GetCapabilities")]
    [TestCase("02-getcapabilities-2.0.0.txt", "service=WPS&request=GetCapabilities&AcceptVersions=2.0.0")]
    [TestCase("03-describeprocess-hellopy-1.0.0.txt", "service=WPS&version=1.0.0&request=DescribeProcess&identifier=HelloPy")]
    [TestCase("04-describeprocess-hellopy-2.0.0.txt", "service=WPS&version=2.0.0&request=DescribeProcess&identifier=HelloPy")]
    public void Answers_byte_for_byte_as_the_original_kernel(string example, string queryString)
    {
        var expected = InNameOrder(File.ReadAllText(Path.Combine(RepositoryPaths.ZooExamples, example)));

        var result = CgiProcess.Get(_services.Path, queryString);

        Assert.That(Raw(result), Is.EqualTo(expected));
    }

    private static string Raw(CgiResult result)
    {
        var head = new StringBuilder();
        foreach (var (name, value) in result.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        return head.Append("\r\n").ToString() + result.Text;
    }

    /// <summary>Sorts the process entries of a Capabilities document by identifier.</summary>
    private static string InNameOrder(string document)
    {
        var entries = ProcessEntry().Matches(document);
        if (entries.Count == 0)
            return document;
        var sorted = entries.Select(m => m.Value)
            .OrderBy(e => IdentifierOf().Match(e).Groups[1].Value, StringComparer.Ordinal)
            .ToList();
        var start = entries[0].Index;
        var end = entries[^1].Index + entries[^1].Length;
        return document[..start] + string.Concat(sorted) + document[end..];
    }

    [GeneratedRegex(@"    <wps:(Process|ProcessSummary) .*?</wps:\1>\n", RegexOptions.Singleline)]
    private static partial Regex ProcessEntry();

    [GeneratedRegex("<ows:Identifier>(.*?)</ows:Identifier>")]
    private static partial Regex IdentifierOf();
}
