using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Sizing;
using Zoo.Hpc.Submission;
using Zoo.Hpc.Tests.Sizing;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Cluster;

/// <summary>
/// What a job costs the cluster's sshd, counted by a proxy in front of it: a submission whose files are small (the job
/// script always, and small inputs) logs in once and opens no SFTP connection; a large input is what opens one; and the
/// connection the submission opened is the one the job's wait and the download of its outputs use.
/// </summary>
[Category("Cluster")]
[NonParallelizable]
public sealed class SubmissionConnectionTests
{
    // BandMath as cgi-env/hpc ships it, and a service with literal inputs only: nothing to transfer but its script.
    private const string BandMath = """
        [BandMath]
         Title = Band math on the cluster
         serviceType = HPC
         serviceProvider = otbcli_BandMath
         <DataInputs>
          [il]
           Title = Input image list
           minOccurs = 1
           maxOccurs = 10
           <ComplexData>
            <Default>
             mimeType = image/tiff
            </Default>
           </ComplexData>
          [exp]
           Title = Expression
           minOccurs = 1
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [out]
           Title = Output image
           <ComplexData>
            <Default>
             mimeType = image/tiff
            </Default>
           </ComplexData>
         </DataOutputs>
        """;

    private const string LiteralsOnly = """
        [ReadImageInfo]
         Title = Literal inputs only
         serviceType = HPC
         serviceProvider = otbcli_ReadImageInfo
         <DataInputs>
          [in]
           Title = Image on the cluster
           minOccurs = 1
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataInputs>
         <DataOutputs>
          [out]
           Title = Report
           <ComplexData>
            <Default>
             mimeType = text/plain
            </Default>
           </ComplexData>
         </DataOutputs>
        """;

    private ClusterEnvironment _cluster = null!;
    private TempDirectory _local = null!;
    private string _tmpPath = "";

    [SetUp]
    public void RequireCluster()
    {
        _cluster = ClusterEnvironment.Require();
        _local = new TempDirectory();
        // Short: the job's wait socket goes below it, and a unix socket's path has at most 107 bytes.
        _tmpPath = Directory.CreateTempSubdirectory("zs").FullName;
    }

    [TearDown]
    public void Remove()
    {
        _local.Dispose();
        Directory.Delete(_tmpPath, recursive: true);
    }

    [Test]
    public async Task A_submission_with_nothing_to_transfer_but_its_script_logs_in_once()
    {
        await using var proxied = ProxiedCluster.Start(_cluster);
        var inputs = new ZooMaps();
        Literal(inputs, "in", "/nonexistent/image.tif");

        var submission = await SubmitAsync(proxied, LiteralsOnly, inputs, Output("text/plain"));
        using (submission.Session)
            await CancelAsync(submission);

        Assert.That(proxied.Proxy.Accepted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_submission_with_a_small_input_logs_in_once()
    {
        await using var proxied = ProxiedCluster.Start(_cluster);
        var inputs = BandMathInputs(GdalFixtures.Raster(_local.Path, "small.tif", 16, 16, 1));

        var submission = await SubmitAsync(proxied, BandMath, inputs, Output("image/tiff"));
        using (submission.Session)
            await CancelAsync(submission);

        Assert.That(proxied.Proxy.Accepted, Is.EqualTo(1));
    }

    [Test]
    public async Task An_input_larger_than_the_command_channel_takes_goes_over_sftp()
    {
        await using var proxied = ProxiedCluster.Start(_cluster);
        var large = GdalFixtures.Raster(_local.Path, "large.tif", 1100, 1100, 1);
        Assume.That(new FileInfo(large).Length, Is.GreaterThan(ClusterConnection.CommandChannelLimit));

        var submission = await SubmitAsync(proxied, BandMath, BandMathInputs(large), Output("image/tiff"));
        using (submission.Session)
            await CancelAsync(submission);

        Assert.That(proxied.Proxy.Accepted, Is.EqualTo(2));
    }

    [Test]
    public async Task A_job_with_small_files_costs_one_login_from_its_submission_to_its_outputs_home()
    {
        await using var proxied = ProxiedCluster.Start(_cluster);
        var outputs = Output("image/tiff");
        using var socket = CompletionSocket.Listen(CompletionSocket.PathFor(null, _tmpPath, Usid));

        var submission = await SubmitAsync(proxied, BandMath, BandMathInputs(GdalFixtures.Raster(_local.Path, "small.tif", 16, 16, 1)), outputs);
        using (var session = submission.Session)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var end = await new JobWaiter(socket, new SacctAccounting(session), HenvFile.PathFor(_tmpPath, Usid), TimeSpan.FromSeconds(1),
                _ => { }, TextWriter.Null).WaitAsync(submission.Job.SlurmJobId, patience.Token);
            Assert.That(end.State, Is.EqualTo("COMPLETED"), "the BandMath job itself failed");
            await new JobCompletion(session, _tmpPath, remoteCleanup: true, (_, _) => { }, TextWriter.Null)
                .FinishAsync(submission.Job, end, outputs, patience.Token);
        }

        Assert.That(File.Exists(outputs["out"]!.Text("generated_file")), Is.True);
        Assert.That(proxied.Proxy.Accepted, Is.EqualTo(1));
    }

    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7c";

    private static void Literal(ZooMaps inputs, string name, string value)
    {
        var map = inputs.GetOrAdd(name);
        map["value"] = value;
        map["dataType"] = "string";
        map["inRequest"] = "true";
    }

    private static ZooMaps BandMathInputs(string image)
    {
        var inputs = new ZooMaps();
        var il = inputs.GetOrAdd("il");
        il["value"] = new FileValue(image);
        il["mimeType"] = "image/tiff";
        il["inRequest"] = "true";
        Literal(inputs, "exp", "im1b1*2");
        return inputs;
    }

    private static ZooMaps Output(string mimeType)
    {
        var outputs = new ZooMaps();
        outputs.GetOrAdd("out")["mimeType"] = mimeType;
        return outputs;
    }

    private async Task<SubmissionResult> SubmitAsync(ProxiedCluster proxied, string zcfg, ZooMaps inputs, ZooMaps outputs)
    {
        var config = Configs.Parse(proxied.MainConfig(_tmpPath));
        var process = ZcfgParser.Parse(zcfg);
        var run = new ServiceRun(new ServiceEntry(process.Name, $"/srv/zoo/hpc/{process.Name}.zcfg", ""), process, new ZooMaps(), inputs, outputs);
        return await new JobSubmitter(config, new InputSizer(), (_, _) => { }, new ClusterConnectionFactory())
            .SubmitAsync(run, HpcService.From(process), HpcSettings.Load(config), Usid, _tmpPath, new ZooMap(), outputs, CancellationToken.None);
    }

    /// <summary>The job is not needed once submitted: cancelled, its script and inputs removed, over the session's connection.</summary>
    private static async Task CancelAsync(SubmissionResult submission) =>
        await submission.Session.UseAsync(connection =>
            connection.RunAsync(["sh", "-c", "scancel \"$1\"; shift; rm -f -- \"$@\"", "sh", submission.Job.SlurmJobId, submission.Job.RemoteScript,
                .. submission.Job.StagedInputs], CancellationToken.None), CancellationToken.None);
}
