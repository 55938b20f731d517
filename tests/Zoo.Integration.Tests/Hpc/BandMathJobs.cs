using System.Diagnostics;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// Asynchronous Executes of hpc.BandMath in a copy of dist/cgi-bin (both CGIs and the bundled configuration), and
/// what the tests need to look at them from both sides: the WPS job's files and the test cluster's Slurm.
/// </summary>
public sealed class BandMathJobs : IDisposable
{
    public static readonly TimeSpan SlurmDeadline = TimeSpan.FromSeconds(90);

    private readonly StaticHttpServer _http = new();
    private readonly string _inputUrl;

    public BandMathJobs(ClusterEnvironment cluster)
    {
        Cluster = cluster;
        Services = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        Jobs = new AsyncJobs(Services);
        Input = SmallGeoTiff(Path.Combine(Services.Path, "bandmath-input.tif"));
        _inputUrl = _http.Serve("/input.tif", "image/tiff", File.ReadAllBytes(Input));
        // Each test chooses how the job's end is noticed: no footer unless it sets one.
        foreach (var section in new[] { "hpc-config-preview", "hpc-config-fullres" })
            Services.SetConfig(section, "jobscript_footer", "");
    }

    public ClusterEnvironment Cluster { get; }

    public ServiceDirectory Services { get; }

    public AsyncJobs Jobs { get; }

    /// <summary>The local copy of the input GeoTIFF.</summary>
    public string Input { get; }

    /// <summary>Where the input is served over HTTP.</summary>
    public string InputUrl => _inputUrl;

    public string MainConfig => Path.Combine(Services.Path, "main.cfg");

    /// <summary>Sets a key in both configuration sections.</summary>
    public void Configure(string key, string value)
    {
        foreach (var section in new[] { "hpc-config-preview", "hpc-config-fullres" })
            Services.SetConfig(section, key, value);
    }

    /// <summary>Posts a 2.0.0 async Execute of BandMath with that expression; returns the job id.</summary>
    public string Submit(string expression)
    {
        var request = Xml20("hpc.BandMath",
                Reference20("il", InputUrl, "mimeType=\"image/tiff\"") + Data20("exp", "", X(expression)),
                Output20("out", "reference"))
            .Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal);
        var accepted = CgiProcess.Post(Services.Path, request);
        var jobId = StatusInfo.Parse(accepted).JobId;
        Assert.That(jobId, Is.Not.Empty, accepted.Text);
        return jobId;
    }

    /// <summary>The Slurm id of the job, once sbatch has returned it.</summary>
    public string SlurmJobId(string jobId)
    {
        var file = Path.Combine(Services.TmpPath, "exec_out_" + jobId);
        return Poll.Until(() => File.Exists(file) ? File.ReadAllText(file).Trim() : "", id => id.Length > 0 || Jobs.Status(jobId).IsFinal,
            SlurmDeadline, $"{file} to hold the Slurm job id", TimeSpan.FromMilliseconds(100));
    }

    /// <summary>sacct's State of the job, or "" while sacct does not list it.</summary>
    public string SlurmState(string slurmJobId)
    {
        var (_, output) = Slurm("sacct", "-j", slurmJobId, "-X", "-n", "-P", "--format=State");
        return output.Trim().Split(' ')[0];
    }

    /// <summary>Waits until Slurm lists the job in that state.</summary>
    public void WaitForSlurmState(string slurmJobId, string state) =>
        Poll.Until(() => SlurmState(slurmJobId), s => s == state, SlurmDeadline, $"Slurm job {slurmJobId} to be {state}",
            TimeSpan.FromMilliseconds(200));

    public (int Code, string Output) Slurm(string program, params string[] arguments) =>
        Run(program, arguments, new Dictionary<string, string> { ["SLURM_CONF"] = Cluster.SlurmConf });

    /// <summary>Slurm's end mail of the job in the test cluster's maildir (shared with every test: look, never take).</summary>
    public string EndMail(string jobId)
    {
        var maildir = Path.Combine(Path.GetDirectoryName(Cluster.Path)!, "maildir");
        return Poll.Until(() => Directory.EnumerateFiles(Path.Combine(maildir, "new"))
                    .Concat(Directory.EnumerateFiles(Path.Combine(maildir, "cur")))
                    .FirstOrDefault(f => File.ReadAllText(f) is var text && text.Contains(jobId, StringComparison.Ordinal)
                                                                            && text.Contains(" Ended,", StringComparison.Ordinal)),
            m => m is not null, SlurmDeadline, $"Slurm's end mail of job {jobId}", TimeSpan.FromMilliseconds(200))!;
    }

    /// <summary>The job's output file in tmpPath, from the href GetResult gives for <c>out</c>.</summary>
    public string ResultFile(string jobId)
    {
        var result = Jobs.GetResult(jobId);
        XNamespace wps = "http://www.opengis.net/wps/2.0";
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        var href = XDocument.Parse(result.Text).Descendants(wps + "Reference").Single().Attribute(xlink + "href")!.Value;
        return Path.Combine(Services.TmpPath, Uri.UnescapeDataString(href[(href.LastIndexOf('/') + 1)..]));
    }

    /// <summary>gdalinfo's checksum of band 1, the way to compare two rasters whatever their metadata.</summary>
    public static string Checksum(string raster)
    {
        var (code, output) = Run("gdalinfo", ["-checksum", raster], null);
        Assert.That(code, Is.Zero, $"gdalinfo {raster}: {output}");
        return output.Split('\n').First(l => l.Contains("Checksum=", StringComparison.Ordinal)).Trim();
    }

    /// <summary>The same application run here, for the result to compare with.</summary>
    public string RunLocally(string expression)
    {
        var output = Path.Combine(Services.Path, "local-bandmath.tif");
        var (code, log) = Run("otbcli_BandMath", ["-il", Input, "-exp", expression, "-out", output], null);
        Assert.That(code, Is.Zero, "otbcli_BandMath: " + log);
        return output;
    }

    public void Dispose()
    {
        Jobs.KillAllWorkers();
        _http.Dispose();
        Services.Dispose();
    }

    public static (int Code, string Output) Run(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    /// <summary>A 16×16 single band GeoTIFF made by gdal_create.</summary>
    private static string SmallGeoTiff(string path)
    {
        var (code, output) = Run("gdal_create", ["-of", "GTiff", "-outsize", "16", "16", "-bands", "1", "-ot", "Byte", "-burn", "7",
            "-a_srs", "EPSG:4326", "-a_ullr", "0", "16", "16", "0", path], null);
        Assert.That(code, Is.Zero, "gdal_create: " + output);
        return path;
    }
}
