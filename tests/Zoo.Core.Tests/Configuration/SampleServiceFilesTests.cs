using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Configuration;

/// <summary>Every .zcfg shipped in cgi-env/ (namespaces included) parses, in full and header-only.</summary>
public class SampleServiceFilesTests
{
    private static IEnumerable<TestCaseData> ServiceFiles()
    {
        var root = RepositoryRoot.CgiEnv;
        return Directory.EnumerateFiles(root, "*.zcfg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetRelativePath(root, path)).SetArgDisplayNames(Path.GetRelativePath(root, path)));
    }

    private static string FullPath(string relative) => Path.Combine(RepositoryRoot.CgiEnv, relative);

    [Test]
    public void The_samples_include_namespaced_services()
    {
        Assert.That(ServiceFiles().Select(t => (string)t.Arguments[0]!),
            Has.Some.Contains(Path.DirectorySeparatorChar.ToString()));
    }

    [TestCaseSource(nameof(ServiceFiles))]
    public void A_sample_service_file_is_named_after_its_file(string relative)
    {
        var process = ZcfgParser.ReadFile(FullPath(relative));

        Assert.That(process.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(relative)));
    }

    [TestCaseSource(nameof(ServiceFiles))]
    public void A_sample_service_file_has_outputs_each_with_a_data_block(string relative)
    {
        var process = ZcfgParser.ReadFile(FullPath(relative));

        Assert.That(process.Outputs, Is.Not.Empty.And.All.Matches<IoDescription>(o => o?.Data is not null));
    }

    [TestCaseSource(nameof(ServiceFiles))]
    public void A_sample_service_file_has_a_default_for_every_data_block(string relative)
    {
        var process = ZcfgParser.ReadFile(FullPath(relative));

        Assert.That(process.Inputs.Concat(process.Outputs), Has.All.Matches<IoDescription>(io => io?.Data?.Default is not null));
    }

    [TestCaseSource(nameof(ServiceFiles))]
    public void A_sample_service_file_header_gives_the_same_title(string relative)
    {
        var full = ZcfgParser.ReadFile(FullPath(relative));
        var header = ZcfgParser.ReadFile(FullPath(relative), headerOnly: true);

        Assert.That(header.Title, Is.EqualTo(full.Title).And.Not.Null);
    }
}
