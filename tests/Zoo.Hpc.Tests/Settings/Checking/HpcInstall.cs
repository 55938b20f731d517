using Moq;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Checking;
using Zoo.Core.Processes;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings.Checking;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Settings.Checking;

/// <summary>
/// An HPC install written into a temporary directory for one test: a main.cfg with one [HPC] section and one
/// configuration section, the files that section names, and hpc/BandMath.zcfg; checked by <see cref="ConfigChecker"/>
/// with the HPC check plugged in as the CGI plugs it in, its cluster a stand-in (<see cref="Connections"/>).
/// </summary>
internal sealed class HpcInstall : IDisposable
{
    private readonly TempDirectory _directory = new();

    public HpcInstall()
    {
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        foreach (var file in new[] { "header.sh", "body.sh", "footer.sh", "id_ed25519", "id_ed25519.pub", "known_hosts" })
            _directory.Write(file, "");
        Directory.CreateDirectory(Path.Combine(Root, "hpc"));
        WriteService("serviceType = HPC", "serviceProvider = otbcli_BandMath");
        Connections.Setup(f => f.OpenAsync(It.IsAny<Zoo.Hpc.Settings.ClusterConfiguration>(), It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            var connection = new Mock<IClusterConnection>();
            connection.Setup(c => c.RunAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync((IReadOnlyList<string> arguments, CancellationToken _) =>
                    new RemoteCommandResult(ExitStatusOf.GetValueOrDefault(string.Join(' ', arguments)), "", "", null));
            return connection.Object;
        });
        MainText = $"""
            [main]
            tmpPath={Root}/tmp
            tmpUrl=http://wps.example.org/temp/
            cacheDir={Root}/tmp

            [HPC]
            preview_max_pixels=820800
            preview_max_features=100000
            preview_conf=hpc-config-1
            fullres_conf=hpc-config-1

            [hpc-config-1]
            ssh_host=cluster.example.org
            ssh_port=2222
            ssh_user=zoo
            ssh_key={Root}/id_ed25519.pub
            ssh_known_hosts={Root}/known_hosts
            remote_data_path=/home/zoo/data
            remote_work_path=/home/zoo/work
            jobscript_header=header.sh
            jobscript_body=body.sh
            jobscript_footer=footer.sh
            sbatch_options_partition=debug
            sbatch_substr=Submitted batch job
            """;
    }

    public string Root => _directory.Path;

    public string MainCfg => Path.Combine(Root, "main.cfg");

    public string ServiceFile => Path.Combine(Root, "hpc", "BandMath.zcfg");

    /// <summary>main.cfg as it is written when checked; the line numbers the tests expect are this text's.</summary>
    public string MainText { get; set; }

    /// <summary>The cluster: every connection runs every command successfully unless a test sets it up otherwise.</summary>
    public Mock<IClusterConnectionFactory> Connections { get; } = new();

    /// <summary>The commands run on the stand-in cluster, with their answers (exit status 0 unless set here).</summary>
    public Dictionary<string, int> ExitStatusOf { get; } = new(StringComparer.Ordinal);

    public void Replace(string line, string replacement) => MainText = MainText.Replace(line, replacement, StringComparison.Ordinal);

    /// <summary>hpc/BandMath.zcfg with these header lines (line 3 on).</summary>
    public void WriteService(params string[] headerLines) =>
        File.WriteAllText(ServiceFile, "[BandMath]\n Title = BandMath\n" + string.Concat(headerLines.Select(l => " " + l + "\n"))
                                       + " <DataOutputs>\n  [out]\n   Title = out\n   <LiteralData>\n    dataType = string\n   </LiteralData>\n </DataOutputs>\n");

    public string Write(string relativePath, string content) => _directory.Write(relativePath, content);

    public IReadOnlyList<Finding> Check(bool offline = true, AccessRights? access = null)
    {
        File.WriteAllText(MainCfg, MainText);
        var runner = new Mock<IProcessRunner>().Object;
        RunnerCatalog Runners(MainConfig _) => new(new Dictionary<string, IProcessRunner>(StringComparer.OrdinalIgnoreCase) { ["HPC"] = runner });
        return new ConfigChecker(Runners, [new HpcConfigCheck(Connections.Object)])
            .CheckAsync(MainCfg, access ?? new ProcessAccessRights(), offline, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The findings of main.cfg's HPC sections and of the service, as --check-config prints them.</summary>
    public IReadOnlyList<string> Lines(bool offline = true, AccessRights? access = null) =>
        Check(offline, access).Where(f => f.Place.Section is not "main" and not null || f.Place.File == ServiceFile)
            .Select(FindingWriter.Line).ToList();

    public void Dispose() => _directory.Dispose();
}
