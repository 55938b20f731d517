using System.Text.RegularExpressions;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// An input whose URL starts with a <c>[security] shared</c> prefix is kept on the cluster in
/// remote_persistent_data_path and uploaded once, however many jobs read it.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed partial class HpcSharedInputClusterTests
{
    [Test]
    public void A_shared_input_is_staged_in_remote_persistent_data_path_not_in_remote_data_path()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var content = BandMath.GeoTiff(services.TmpPath, 16, 16);
        var request = BandMath.AsyncExecute(ServeShared(services, http, content), "im1b1*2");
        using var job = HpcJob.Start(services, new LocalSlurm(cluster), BandMath.Service, request);

        job.WaitUntilSubmitted();

        var remote = new RemoteDirectories(services);
        var staged = InputPathOf(job);
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetDirectoryName(staged), Is.EqualTo(remote.Persistent));
            Assert.That(File.ReadAllBytes(staged), Is.EqualTo(content));
            Assert.That(File.Exists(Path.Combine(remote.Data, Path.GetFileName(staged))), Is.False, "also uploaded to remote_data_path");
        });
    }

    [Test]
    public void A_shared_input_already_on_the_cluster_is_not_uploaded_again()
    {
        var cluster = ClusterEnvironment.Require();
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        using var http = new StaticHttpServer();
        var request = BandMath.AsyncExecute(ServeShared(services, http, BandMath.GeoTiff(services.TmpPath, 16, 16)), "im1b1*2");
        var slurm = new LocalSlurm(cluster);
        using var first = HpcJob.Start(services, slurm, BandMath.Service, request);
        first.WaitUntilSubmitted();
        var staged = InputPathOf(first);
        var uploaded = Inode(staged);

        using var second = HpcJob.Start(services, slurm, BandMath.Service, request);
        second.WaitUntilSubmitted();

        // An upload writes a new file and renames it over the old one, so a second upload would change the inode.
        // Not the modification time: ZOO refreshes it (touch) when it skips an upload, and the kernel may do the same.
        Assert.Multiple(() =>
        {
            Assert.That(InputPathOf(second), Is.EqualTo(staged));
            Assert.That(Inode(staged), Is.EqualTo(uploaded), "uploaded again");
        });
    }

    /// <summary>Serves the image under a path of its own, listed in [security] shared; returns its URL.</summary>
    private static string ServeShared(ServiceDirectory services, StaticHttpServer http, byte[] content)
    {
        // A prefix of its own, so that the input's cache name, and its name on the cluster, are new to every run.
        var prefix = $"/shared-{Guid.NewGuid():N}/";
        services.SetConfig("security", "shared", $"http://127.0.0.1:{http.Port}{prefix}");
        return http.Serve(prefix + "input.tif", "image/tiff", content);
    }

    /// <summary>The path the job script gives the application as <c>-il</c> (every word of the command is single-quoted).</summary>
    private static string InputPathOf(HpcJob job)
    {
        var script = job.UploadedScript();
        var match = InputArgument().Match(script);
        Assert.That(match.Success, Is.True, "no -il argument in the script:\n" + script);
        return match.Groups[1].Value;
    }

    private static string Inode(string path) => LocalCommand.Output("stat", ["--format=%i", path]).Trim();

    [GeneratedRegex("'-il' '([^']+)'")]
    private static partial Regex InputArgument();
}
