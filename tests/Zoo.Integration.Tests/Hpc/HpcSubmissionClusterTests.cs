using System.Diagnostics;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// An asynchronous Execute of hpc.BandMath through the published CGI reaches the real test cluster: the job is
/// submitted with sbatch, runs otbcli_BandMath on Slurm, and its output appears in remote_data_path.
/// (HpcCompletionClusterTests follow jobs to their WPS end: here the cluster side is checked.)
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcSubmissionClusterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Test]
    public void An_async_BandMath_execute_runs_on_slurm_and_writes_its_output_in_remote_data_path()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var href = http.Serve("/input.tif", "image/tiff", SmallGeoTiff(services.TmpPath));
        var request = Xml20("hpc.BandMath",
                Reference20("il", href, "mimeType=\"image/tiff\"") + Data20("exp", "", "im1b1*2"),
                Output20("out", "reference"))
            .Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal);

        var accepted = CgiProcess.Post(services.Path, request);
        var jobId = StatusInfo.Parse(accepted).JobId;
        Assert.That(jobId, Is.Not.Empty, accepted.Text);

        var jobs = new AsyncJobs(services);
        var execOut = Path.Combine(services.TmpPath, "exec_out_" + jobId);
        Poll.Until(() => File.Exists(execOut) || jobs.Status(jobId).IsFinal, Deadline, $"{execOut} (sbatch's job id)");
        Assert.That(File.Exists(execOut), Is.True,
            $"the worker did not submit the job:\n{string.Join("\n", jobs.FilesOf(jobId).Select(f => f + ":\n" + SafeRead(Path.Combine(services.TmpPath, f))))}");

        var state = Poll.Until(() => Sacct(cluster, jobId), s => s.Contains("|COMPLETED", StringComparison.Ordinal)
            || s.Contains("|FAILED", StringComparison.Ordinal) || s.Contains("|CANCELLED", StringComparison.Ordinal),
            Deadline, "sacct to show the BandMath job finished", TimeSpan.FromMilliseconds(500));
        Assert.That(state, Does.Contain("|COMPLETED"), "sacct: " + state);

        var output = Path.Combine(cluster.RemoteHome, "zoo", "data", $"output_BandMath_out_{jobId}.tiff");
        Poll.Until(() => File.Exists(output), TimeSpan.FromSeconds(10), $"{output} to exist");
        Assert.That(new FileInfo(output).Length, Is.GreaterThan(0));
        jobs.Dismiss(jobId);
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    /// <summary>A 16×16 single band GeoTIFF made by gdal_create.</summary>
    private static byte[] SmallGeoTiff(string directory)
    {
        var path = Path.Combine(directory, "bandmath-input.tif");
        var (code, output) = Run("gdal_create", ["-of", "GTiff", "-outsize", "16", "16", "-bands", "1", "-ot", "Byte", "-burn", "7",
            "-a_srs", "EPSG:4326", "-a_ullr", "0", "16", "16", "0", path], null);
        Assert.That(code, Is.Zero, "gdal_create: " + output);
        return File.ReadAllBytes(path);
    }

    private static string Sacct(ClusterEnvironment cluster, string usid)
    {
        var (_, output) = Run("sacct", ["-X", "--parsable2", "--noheader", "--name", $"ZOO-Project_{usid}_BandMath", "--format=JobID,State"],
            cluster.SlurmConf);
        return output.Trim();
    }

    private static (int Code, string Output) Run(string program, IEnumerable<string> arguments, string? slurmConf)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (slurmConf is not null)
            start.Environment["SLURM_CONF"] = slurmConf;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
