using Moq;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Checking;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Configuration.Checking;

/// <summary>
/// An install written into a temporary directory for one test: main.cfg (a working one unless the test writes its
/// own), services, and the directories main.cfg names; checked offline by <see cref="ConfigChecker"/> with the runtimes
/// Python, C and OTB, as the user running the tests unless another one's rights are given.
/// </summary>
internal sealed class CheckedInstall : IDisposable
{
    private readonly TempDirectory _directory = new();

    public CheckedInstall()
    {
        Directory.CreateDirectory(TmpPath);
        Directory.CreateDirectory(CacheDir);
        Directory.CreateDirectory(Path.Combine(Root, "data"));
    }

    public string Root => _directory.Path;

    public string MainCfg => Path.Combine(Root, "main.cfg");

    public string TmpPath => Path.Combine(Root, "tmp");

    public string CacheDir => Path.Combine(Root, "cache");

    /// <summary>A main.cfg the checks find nothing wrong with; <paramref name="extra"/> is added at its end.</summary>
    public string WorkingMainCfg(string extra = "") => $"""
        [main]
        serverAddress=http://wps.example.org/cgi-bin/zoo_loader.cgi
        tmpPath={TmpPath}
        tmpUrl=http://wps.example.org/temp/
        cacheDir={CacheDir}
        dataPath={Path.Combine(Root, "data")}
        {extra}
        """;

    public string Write(string relativePath, string content) => _directory.Write(relativePath, content);

    /// <summary>Writes main.cfg; the line numbers of the text are those the findings must give.</summary>
    public void WriteMain(string text) => Write("main.cfg", text);

    /// <summary>A .zcfg with the header keys given (e.g. "serviceType = Python").</summary>
    public string WriteService(string relativePath, params string[] headerLines)
    {
        var name = Path.GetFileNameWithoutExtension(relativePath);
        return Write(relativePath, $"[{name}]\n Title = {name}\n" + string.Concat(headerLines.Select(l => " " + l + "\n"))
                                   + " <DataOutputs>\n  [Result]\n   Title = Result\n   <LiteralData>\n    dataType = string\n   </LiteralData>\n </DataOutputs>\n");
    }

    public IReadOnlyList<Finding> Check(AccessRights? access = null, bool offline = true, params IConfigCheck[] checks)
    {
        if (!File.Exists(MainCfg))
            WriteMain(WorkingMainCfg());
        var runner = new Mock<IProcessRunner>().Object;
        RunnerCatalog Runners(MainConfig _) => new(new Dictionary<string, IProcessRunner>(StringComparer.OrdinalIgnoreCase)
        {
            ["Python"] = runner,
            ["C"] = runner,
            ["OTB"] = runner,
        });
        return new ConfigChecker(Runners, checks).CheckAsync(MainCfg, access ?? new ProcessAccessRights(), offline, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The findings as the lines --check-config prints, for assertions that read like its output.</summary>
    public IReadOnlyList<string> Lines(AccessRights? access = null) => Check(access).Select(FindingWriter.Line).ToList();

    public void Dispose() => _directory.Dispose();
}
