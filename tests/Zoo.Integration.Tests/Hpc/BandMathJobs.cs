using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// Asynchronous Executes of hpc.BandMath in a copy of dist/cgi-bin (both CGIs and the bundled configuration), and
/// what the tests need to look at them from both sides: the WPS job's files and the test cluster's Slurm.
/// </summary>
internal sealed class BandMathJobs : IDisposable
{
    public static readonly TimeSpan SlurmDeadline = TimeSpan.FromSeconds(90);

    private readonly StaticHttpServer _http = new();
    private readonly string _inputUrl;

    public BandMathJobs(ClusterEnvironment cluster)
    {
        Cluster = cluster;
        Services = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        Jobs = new AsyncJobs(Services);
        Slurm = new LocalSlurm(cluster);
        Input = BandMath.GeoTiffFile(Services.Path, 16, 16);
        _inputUrl = _http.Serve("/input.tif", "image/tiff", File.ReadAllBytes(Input));
        // Each test chooses how the job's end is noticed: no footer unless it sets one.
        foreach (var section in new[] { "hpc-config-preview", "hpc-config-fullres" })
            Services.SetConfig(section, "jobscript_footer", "");
    }

    public ClusterEnvironment Cluster { get; }

    public ServiceDirectory Services { get; }

    public AsyncJobs Jobs { get; }

    /// <summary>The test cluster's Slurm, asked from this machine.</summary>
    public LocalSlurm Slurm { get; }

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

    /// <summary>Replaces the job script's body with a two-minute sleep, for tests that need a Slurm job RUNNING.</summary>
    public void MakeJobsSleep()
    {
        Services.Write("slow_body.sh", "sleep 120\n");
        Configure("jobscript_body", "slow_body.sh");
    }

    /// <summary>Posts a 2.0.0 async Execute of BandMath (hpc.BandMath unless named) with that expression; returns the job id.</summary>
    public string Submit(string expression, string identifier = "hpc.BandMath")
    {
        var accepted = CgiProcess.Post(Services.Path, BandMath.AsyncExecute(InputUrl, expression, identifier));
        var jobId = StatusInfo.Parse(accepted).JobId;
        Assert.That(jobId, Is.Not.Empty, accepted.Text);
        return jobId;
    }

    /// <summary>Polls GetStatus until the job is Succeeded or Failed, giving it the time a Slurm job takes.</summary>
    public StatusInfo WaitUntilFinal(string jobId) =>
        Poll.Until(() => Jobs.Status(jobId), s => s.IsFinal, SlurmDeadline, $"job {jobId} to end", TimeSpan.FromMilliseconds(200));

    /// <summary>The Slurm id of the job, once sbatch has returned it.</summary>
    public string SlurmJobId(string jobId) => HpcJob.WaitUntilSubmitted(Services, jobId);

    /// <summary>Waits until Slurm lists the job in that state.</summary>
    public void WaitForSlurmState(string slurmJobId, string state) => Slurm.WaitForState(slurmJobId, state, SlurmDeadline);

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

    /// <summary>The job's output file in tmpPath, from the href GetResult gives for <c>out</c>'s download link.</summary>
    public string ResultFile(string jobId)
    {
        var result = Jobs.GetResult(jobId);
        XNamespace wps = "http://www.opengis.net/wps/2.0";
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        var downloadLink = XDocument.Parse(result.Text).Descendants(wps + "Output")
            .Single(output => (string?)output.Attribute("id") == "download_link");
        var href = downloadLink.Element(wps + "Reference")!.Attribute(xlink + "href")!.Value;
        return Path.Combine(Services.TmpPath, Uri.UnescapeDataString(href[(href.LastIndexOf('/') + 1)..]));
    }

    /// <summary>The same application run on this machine, for the result to compare with.</summary>
    public string RunLocally(string expression) => BandMath.RunLocally(Input, expression, Services.Path);

    public void Dispose()
    {
        Jobs.KillAllWorkers();
        _http.Dispose();
        Services.Dispose();
    }
}
