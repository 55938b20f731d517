using Zoo.Integration.Tests.Support;
using Zoo.Tests.Tools;

namespace Zoo.Integration.Tests.CheckConfig;

/// <summary>
/// A copy of the bundled cgi-env for one broken install: tmpPath, cacheDir and dataPath inside the copy, and the HPC
/// sections' key and known_hosts files too (placeholders: offline, only their presence is checked), so that the copy
/// itself passes the offline check anywhere, with or without the test cluster, and each test breaks one thing.
/// </summary>
public sealed class CheckedCopy : IDisposable
{
    public static readonly string[] HpcSections = ["hpc-config-preview", "hpc-config-fullres"];

    private CheckedCopy(ServiceDirectory services) => Services = services;

    public ServiceDirectory Services { get; }

    public string Root => Services.Path;

    public string MainCfg => Path.Combine(Root, "main.cfg");

    public static CheckedCopy Create()
    {
        var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        var copy = new CheckedCopy(services);
        services.SetConfig("main", "dataPath", Path.Combine(services.Path, "data"));
        Directory.CreateDirectory(Path.Combine(services.Path, "data"));
        services.Write("ssh/id_ed25519", "placeholder\n");
        services.Write("ssh/id_ed25519.pub", "placeholder\n");
        services.Write("ssh/known_hosts", "");
        foreach (var section in HpcSections)
        {
            services.SetConfig(section, "ssh_key", Path.Combine(services.Path, "ssh/id_ed25519.pub"));
            services.SetConfig(section, "ssh_known_hosts", Path.Combine(services.Path, "ssh/known_hosts"));
        }
        return copy;
    }

    /// <summary>Replaces the placeholder key with a real one, which the kernel can load before it connects.</summary>
    public void GenerateKey()
    {
        var key = Path.Combine(Root, "ssh", "id_ed25519");
        File.Delete(key);
        File.Delete(key + ".pub");
        ExternalTool.Check("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key], "openssh-client");
    }

    /// <summary>--check-config of the copy's main.cfg, offline unless told, as JSON unless told.</summary>
    public CheckConfigRun Check(params string[] options) => CheckConfigRun.Start([MainCfg, .. options]);

    /// <summary>Renames a key of one section of the copy's main.cfg, leaving it on its line.</summary>
    public void RenameKey(string section, string key, string newName)
    {
        var lines = File.ReadAllLines(MainCfg);
        var header = Array.FindIndex(lines, l => l.Trim() == $"[{section}]");
        var index = Array.FindIndex(lines, header + 1, l => l.StartsWith(key + "=", StringComparison.Ordinal));
        Assert.That(header >= 0 && index > header, $"main.cfg has no {key} in [{section}]");
        lines[index] = newName + lines[index][key.Length..];
        File.WriteAllLines(MainCfg, lines);
    }

    /// <summary>The line (1 for the first) of a file of the copy that starts with the text, as an editor shows it.</summary>
    public int LineOf(string relativePath, string start, string? afterLine = null)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, relativePath));
        var from = afterLine is null ? 0 : Array.FindIndex(lines, l => l.Trim() == afterLine);
        var index = Array.FindIndex(lines, Math.Max(from, 0), l => l.TrimStart().StartsWith(start, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"{relativePath} has no line starting with {start}");
        return index + 1;
    }

    public void Dispose() => Services.Dispose();
}
