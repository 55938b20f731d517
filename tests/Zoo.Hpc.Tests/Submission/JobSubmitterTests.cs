using System.Security.Cryptography;
using Moq;
using Zoo.Core.Geo;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Sizing;
using Zoo.Hpc.Submission;
using Zoo.Hpc.Tests.Sizing;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Submission;

/// <summary>
/// How a submission is planned, with a stand-in for the cluster and fake GDAL tools: which file goes to which remote
/// directory, what the application's command line says in which order, what the outputs are called, what lenv and
/// ZOO's files record, and what is run on the cluster.
/// </summary>
[TestFixture]
public sealed class JobSubmitterTests
{
    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private const string SharedUrl = "https://data.example.org/shared/dem.tif";
    private const string OutputFile = $"output_BandMath_out_{Usid}.tiff";
    private const string RemoteScript = $"/home/zoo/work/zoo_BandMath_{Usid}.sh";

    // BandMath as shipped in cgi-env/hpc, with an optional input a request may leave out.
    private const string Zcfg = """
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
          [ram]
           Title = Memory
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = integer
            <Default />
           </LiteralData>
          [out]
           Title = Output pixel type
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = string
            <Default>
             value = float
            </Default>
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

    private TempDirectory _tmp = null!;
    private Mock<IClusterConnection> _connection = null!;
    private Mock<IClusterConnectionFactory> _connections = null!;
    private List<(string Local, string Remote)> _uploads = null!;
    private string? _script;
    private RemoteCommandResult _sbatch = null!;
    private List<IReadOnlyList<string>> _directories = null!;
    private List<(int Percent, string Message)> _progress = null!;
    private ZooMaps _inputs = null!;
    private ZooMaps _outputs = null!;
    private ZooMap _lenv = null!;
    private InputSizer _sizer = null!;
    private SubmissionResult? _submission;

    [SetUp]
    public void Cluster()
    {
        _tmp = new TempDirectory();
        _uploads = [];
        _script = null;
        _progress = [];
        _connection = new Mock<IClusterConnection>();
        _sbatch = new RemoteCommandResult(0, "1234\n", "", null);
        _directories = [];
        _connection.Setup(c => c.UploadAndRunAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(),
                It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Callback((string local, string remote, IReadOnlyList<string> directories, IReadOnlyList<string> _, CancellationToken _) =>
            {
                _uploads.Add((local, remote));
                _directories.Add(directories);
                // The local script is removed once uploaded: what the cluster got is kept here.
                if (remote.EndsWith(".sh", StringComparison.Ordinal))
                    _script = File.ReadAllText(local);
            })
            .ReturnsAsync((string _, string _, IReadOnlyList<string> _, IReadOnlyList<string> command, CancellationToken _) =>
                command.Count == 0 ? new RemoteCommandResult(0, "", "", null) : _sbatch);
        _connections = new Mock<IClusterConnectionFactory>();
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>())).ReturnsAsync(_connection.Object);
        // Neither tool recognises the file: it does not count toward the choice, so preview is chosen.
        _sizer = FakeGdal(gdalinfo: "exit 1");
        _inputs = new ZooMaps();
        _outputs = new ZooMaps();
        _outputs.GetOrAdd("out")["mimeType"] = "image/tiff";
        _lenv = new ZooMap();
        Input("il", new FileValue(InputFile("dem.tif")), mimeType: "image/tiff");
        Input("exp", "im1b1*2");
        Input("out", "uint16");
    }

    [TearDown]
    public void Remove()
    {
        _submission?.Session.Dispose();
        _tmp.Dispose();
    }

    private string MainConfig(string persistentPath = "remote_persistent_data_path=/home/zoo/shared", string fullresHost = "cluster.example.org") => $"""
        [main]
        tmpPath={_tmp.Path}
        tmpUrl=https://wps.example.org/tmp/

        [security]
        shared=https://data.example.org/shared/

        [HPC]
        preview_max_pixels=820800
        preview_max_features=100000
        preview_conf=hpc-preview
        fullres_conf=hpc-fullres

        [hpc-preview]
        ssh_host=cluster.example.org
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data
        {persistentPath}
        remote_work_path=/home/zoo/work

        [hpc-fullres]
        ssh_host={fullresHost}
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data-fullres
        remote_work_path=/home/zoo/work-fullres
        """;

    private InputSizer FakeGdal(string gdalinfo) =>
        new(new GdalTools(GdalFixtures.Script(_tmp.Path, "gdalinfo", gdalinfo), GdalFixtures.Script(_tmp.Path, "ogrinfo", "exit 1"),
            TimeSpan.FromSeconds(20)));

    private string InputFile(string name, string content = "pixels")
    {
        var path = _tmp.PathOf($"Input_{Path.GetFileNameWithoutExtension(name)}_{Usid}_0.tif");
        File.WriteAllText(path, content);
        return path;
    }

    private void Input(string name, MapValue value, string? mimeType = null, string? href = null)
    {
        var map = _inputs.GetOrAdd(name);
        map["value"] = value;
        map["inRequest"] = "true";
        if (mimeType is not null)
            map["mimeType"] = mimeType;
        else
            map["dataType"] = "string";
        if (href is not null)
            map["xlink:href"] = href;
    }

    private async Task<SubmittedJob> SubmitAsync(string? mainConfig = null)
    {
        var config = Configs.Parse(mainConfig ?? MainConfig());
        var process = ZcfgParser.Parse(Zcfg);
        var run = new ServiceRun(new ServiceEntry("BandMath", "/srv/zoo/hpc/BandMath.zcfg", ""), process, new ZooMaps(), _inputs, _outputs);
        _submission = await new JobSubmitter(config, _sizer, (percent, message) => _progress.Add((percent, message)), _connections.Object)
            .SubmitAsync(run, HpcService.From(process), HpcSettings.Load(config), Usid, _tmp.Path, _lenv, _outputs, CancellationToken.None);
        return _submission.Job;
    }

    /// <summary>A raster GDAL finds larger than the preview threshold, so that fullres is chosen.</summary>
    private const string LargeRaster = """echo '{"size": [1000, 1000], "bands": [{}]}'""";

    /// <summary>The application's line of the uploaded script.</summary>
    private string CommandLine() =>
        _script!.Split('\n').Single(line => line.StartsWith("'otbcli_BandMath'", StringComparison.Ordinal));

    [Test]
    public async Task An_input_file_is_uploaded_to_remote_data_path()
    {
        await SubmitAsync();

        Assert.That(_uploads[0], Is.EqualTo((_tmp.PathOf($"Input_dem_{Usid}_0.tif"), $"/home/zoo/data/Input_dem_{Usid}_0.tif")));
    }

    [Test]
    public async Task An_input_from_a_shared_url_is_uploaded_to_remote_persistent_data_path()
    {
        Input("il", new FileValue(InputFile("dem.tif")), mimeType: "image/tiff", href: SharedUrl);

        await SubmitAsync();

        Assert.That(_uploads[0].Remote, Is.EqualTo($"/home/zoo/shared/Input_dem_{Usid}_0.tif"));
    }

    [Test]
    public async Task Without_a_persistent_path_an_input_from_a_shared_url_goes_to_remote_data_path()
    {
        Input("il", new FileValue(InputFile("dem.tif")), mimeType: "image/tiff", href: SharedUrl);

        await SubmitAsync(MainConfig(persistentPath: ""));

        Assert.That(_uploads[0].Remote, Is.EqualTo($"/home/zoo/data/Input_dem_{Usid}_0.tif"));
    }

    [Test]
    public async Task A_shared_input_the_cluster_already_holds_unchanged_is_not_uploaded_again()
    {
        Input("il", new FileValue(InputFile("dem.tif", "the same pixels")), mimeType: "image/tiff", href: SharedUrl);
        var remote = $"/home/zoo/shared/Input_dem_{Usid}_0.tif";
        _connection.Setup(c => c.Sha256Async(remote, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Convert.ToHexStringLower(SHA256.HashData("the same pixels"u8.ToArray())));

        await SubmitAsync();

        Assert.That(_uploads.Select(u => u.Remote), Is.EqualTo(new[] { RemoteScript }));
    }

    [Test]
    public async Task A_shared_input_whose_copy_on_the_cluster_differs_is_uploaded()
    {
        Input("il", new FileValue(InputFile("dem.tif", "new pixels")), mimeType: "image/tiff", href: SharedUrl);
        var remote = $"/home/zoo/shared/Input_dem_{Usid}_0.tif";
        _connection.Setup(c => c.Sha256Async(remote, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Convert.ToHexStringLower(SHA256.HashData("old pixels"u8.ToArray())));

        await SubmitAsync();

        Assert.That(_uploads.Select(u => u.Remote), Is.EqualTo(new[] { remote, RemoteScript }));
    }

    [Test]
    public async Task Inputs_kept_in_remote_persistent_data_path_are_not_left_for_the_remote_cleanup()
    {
        Input("il", new FileValue(InputFile("dem.tif")), mimeType: "image/tiff", href: SharedUrl);

        var job = await SubmitAsync();

        Assert.That(job.StagedInputs, Is.Empty);
    }

    [Test]
    public async Task The_inputs_uploaded_to_remote_data_path_are_the_job_own()
    {
        var job = await SubmitAsync();

        Assert.That(job.StagedInputs, Is.EqualTo(new[] { $"/home/zoo/data/Input_dem_{Usid}_0.tif" }));
    }

    [Test]
    public async Task A_complex_input_given_by_value_is_written_to_tmpPath_and_uploaded()
    {
        Input("il", new BytesValue([0x49, 0x49, 0x2a, 0x00]), mimeType: "image/tiff");

        await SubmitAsync();

        Assert.That(_uploads[0], Is.EqualTo((_tmp.PathOf($"input_il_0_{Usid}.tiff"), $"/home/zoo/data/input_il_0_{Usid}.tiff")));
    }

    [Test]
    public async Task The_remote_directories_are_made_data_then_work_then_persistent_by_the_first_upload()
    {
        Input("il", new FileValue(InputFile("dem.tif")), mimeType: "image/tiff", href: SharedUrl);

        await SubmitAsync();

        Assert.That(_directories, Is.EqualTo(new[] { new[] { "/home/zoo/data", "/home/zoo/work", "/home/zoo/shared" }, Array.Empty<string>() }));
    }

    [Test]
    public async Task Without_an_input_to_upload_the_job_script_command_makes_the_remote_directories()
    {
        _inputs = new ZooMaps();
        Input("exp", "im1b1*2");

        await SubmitAsync();

        Assert.That(_directories, Is.EqualTo(new[] { new[] { "/home/zoo/data", "/home/zoo/work" } }));
    }

    [Test]
    public async Task A_file_two_inputs_share_is_sized_once_and_uploaded_once()
    {
        var calls = _tmp.PathOf("gdalinfo-calls");
        _sizer = FakeGdal(gdalinfo: $"echo called >> '{calls}'; exit 1");
        var shared = InputFile("dem.tif");
        Input("il", new ListValue([new FileValue(shared), new FileValue(shared)]), mimeType: "image/tiff");

        await SubmitAsync();

        Assert.That(File.ReadAllLines(calls), Has.Length.EqualTo(1));
        Assert.That(_uploads.Select(u => u.Remote), Is.EqualTo(new[] { $"/home/zoo/data/Input_dem_{Usid}_0.tif", RemoteScript }));
    }

    [Test]
    public async Task The_command_line_has_the_inputs_in_request_order_then_the_output_and_its_pixel_type()
    {
        await SubmitAsync();

        Assert.That(CommandLine(), Is.EqualTo(
            $"'otbcli_BandMath' '-il' '/home/zoo/data/Input_dem_{Usid}_0.tif' '-exp' 'im1b1*2' '-out' '/home/zoo/data/{OutputFile}' 'uint16'"
            + " || ZOO_SERVICE_STATUS=$?"));
    }

    [Test]
    public async Task Every_value_of_a_multi_valued_input_follows_its_option()
    {
        Input("il", new ListValue([new FileValue(InputFile("a.tif")), new FileValue(InputFile("b.tif"))]), mimeType: "image/tiff");

        await SubmitAsync();

        Assert.That(CommandLine(), Does.StartWith(
            $"'otbcli_BandMath' '-il' '/home/zoo/data/Input_a_{Usid}_0.tif' '/home/zoo/data/Input_b_{Usid}_0.tif' '-exp'"));
    }

    [Test]
    public async Task An_optional_input_the_request_gave_is_passed_as_its_value()
    {
        Input("ram", "256");

        await SubmitAsync();

        Assert.That(CommandLine(), Does.Contain("'-ram' '256'"));
    }

    [Test]
    public async Task An_optional_input_the_request_did_not_give_is_left_out()
    {
        _inputs.GetOrAdd("ram")["dataType"] = "integer";

        await SubmitAsync();

        Assert.That(CommandLine(), Does.Not.Contain("-ram"));
    }

    [Test]
    public async Task The_output_is_named_as_zoo_names_it_in_remote_data_path()
    {
        var job = await SubmitAsync();

        Assert.That(job.Outputs, Is.EqualTo(new[] { new RemoteOutput("out", $"/home/zoo/data/{OutputFile}") }));
    }

    [Test]
    public async Task The_output_map_learns_its_remote_file_and_its_url_under_tmpUrl()
    {
        await SubmitAsync();

        Assert.That((_outputs["out"]!.Text("generated_file"), _outputs["out"]!.Text("generated_url")),
            Is.EqualTo(($"/home/zoo/data/{OutputFile}", $"https://wps.example.org/tmp/{OutputFile}")));
    }

    [Test]
    public async Task The_script_is_uploaded_to_remote_work_path_and_submitted_with_sbatch_parsable()
    {
        await SubmitAsync();

        Assert.That(_uploads[^1].Remote, Is.EqualTo(RemoteScript));
        _connection.Verify(c => c.UploadAndRunAsync(It.IsAny<string>(), RemoteScript, It.IsAny<IReadOnlyList<string>>(),
            new[] { "sbatch", "--parsable", RemoteScript }, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Everything_on_the_cluster_goes_over_one_connection()
    {
        await SubmitAsync();

        _connections.Verify(f => f.OpenAsync(It.Is<ClusterConfiguration>(c => c.SectionName == "hpc-preview"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_connection_is_handed_over_open_for_the_wait()
    {
        await SubmitAsync();

        var held = await _submission!.Session.UseAsync(Task.FromResult, CancellationToken.None);
        Assert.That(held, Is.SameAs(_connection.Object));
        _connection.Verify(c => c.Dispose(), Times.Never);
        _connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task The_cluster_is_reached_while_gdal_sizes_the_inputs()
    {
        var sized = _tmp.PathOf("gdalinfo-ran");
        _sizer = FakeGdal(gdalinfo: $"touch '{sized}'; exit 1");
        var sizedBeforeConnecting = new List<bool>();
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .Callback(() => sizedBeforeConnecting.Add(File.Exists(sized)))
            .ReturnsAsync(_connection.Object);

        await SubmitAsync();

        Assert.That(sizedBeforeConnecting, Is.EqualTo(new[] { false }));
    }

    [Test]
    public async Task A_fullres_configuration_on_the_same_cluster_keeps_the_connection_opened_during_sizing()
    {
        _sizer = FakeGdal(gdalinfo: LargeRaster);

        await SubmitAsync();

        _connections.Verify(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_fullres_configuration_on_another_cluster_gets_its_own_connection_and_the_early_one_is_closed()
    {
        _sizer = FakeGdal(gdalinfo: LargeRaster);
        var early = new Mock<IClusterConnection>();
        _connections.Setup(f => f.OpenAsync(It.Is<ClusterConfiguration>(c => c.SectionName == "hpc-preview"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(early.Object);
        _connections.Setup(f => f.OpenAsync(It.Is<ClusterConfiguration>(c => c.SectionName == "hpc-fullres"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(_connection.Object);

        await SubmitAsync(MainConfig(fullresHost: "bigger-cluster.example.org"));

        early.Verify(c => c.Dispose(), Times.Once);
        Assert.That(_uploads[0].Remote, Is.EqualTo($"/home/zoo/data-fullres/Input_dem_{Usid}_0.tif"));
    }

    [Test]
    public async Task Inputs_gdal_cannot_size_fail_the_job_and_close_the_early_connection()
    {
        _sizer = new InputSizer(new GdalTools(_tmp.PathOf("no-gdalinfo"), _tmp.PathOf("no-ogrinfo"), TimeSpan.FromSeconds(20)));

        await Assert.ThrowsAsync<HpcJobException>(() => SubmitAsync());

        _connection.Verify(c => c.Dispose(), Times.Once);
    }

    [Test]
    public async Task A_failed_submission_closes_its_connection()
    {
        _sbatch = new RemoteCommandResult(1, "", "sbatch: error: invalid partition specified: gpu\n", null);

        await Assert.ThrowsAsync<HpcJobException>(() => SubmitAsync());

        _connection.Verify(c => c.Dispose(), Times.Once);
    }

    [Test]
    public async Task The_slurm_job_id_is_recorded_in_lenv_and_in_zoo_exec_out_file()
    {
        var job = await SubmitAsync();

        Assert.That((job.SlurmJobId, _lenv.Text("sbatch_id"), File.ReadAllText(_tmp.PathOf("exec_out_" + Usid))),
            Is.EqualTo(("1234", "1234", "1234\n")));
    }

    [Test]
    public async Task The_lenv_records_the_configuration_and_why_it_was_chosen()
    {
        await SubmitAsync();

        Assert.That(new[] { "configId", "hpc_resolution", "hpc_input_sizes", "hpc_fullres_reason" }.Select(_lenv.Text),
            Is.EqualTo(new[] { "hpc-preview", "preview", "il:other:0", null }));
    }

    [Test]
    public async Task The_lenv_records_the_remote_script_and_the_slurm_job_name_and_no_local_script()
    {
        await SubmitAsync();

        Assert.That(new[] { "remote_script", "sbatch_job_name", "local_script" }.Select(_lenv.Text),
            Is.EqualTo(new[] { RemoteScript, $"ZOO-Project_{Usid}_BandMath", null }));
    }

    [Test]
    public async Task A_raster_over_the_preview_threshold_runs_with_fullres()
    {
        _sizer = FakeGdal(gdalinfo: LargeRaster);

        var job = await SubmitAsync();

        Assert.That((job.Configuration.SectionName, _lenv.Text("hpc_fullres_reason"), _uploads[0].Remote),
            Is.EqualTo(("hpc-fullres", "il", $"/home/zoo/data-fullres/Input_dem_{Usid}_0.tif")));
    }

    [Test]
    public async Task Progress_is_reported_as_zoo_does_15_22_30()
    {
        await SubmitAsync();

        Assert.That(_progress, Is.EqualTo(new[]
        {
            (15, "Upload data on HPC server"),
            (22, "Upload SBATCH on HPC server"),
            (30, "Execute SBATCH on HPC server"),
        }));
    }

    [Test]
    public async Task An_unreachable_cluster_fails_the_job_and_leaves_no_script_behind()
    {
        _connections.Setup(f => f.OpenAsync(It.IsAny<ClusterConfiguration>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClusterConnectionException(ClusterFailure.Unreachable, "cluster.example.org", 22, "zoo", "cannot connect"));

        var failure = (await Assert.ThrowsAsync<HpcJobException>(() => SubmitAsync()))!;

        Assert.That(failure.Message, Is.EqualTo("Unable to lock the file for upload! SSH zoo@cluster.example.org:22: cannot connect"));
        Assert.That(File.Exists(_tmp.PathOf($"zoo_BandMath_{Usid}.sh")), Is.False);
    }

    [Test]
    public async Task A_failed_sbatch_fails_the_job_with_its_error()
    {
        _sbatch = new RemoteCommandResult(1, "", "sbatch: error: invalid partition specified: gpu\n", null);

        var failure = (await Assert.ThrowsAsync<HpcJobException>(() => SubmitAsync()))!;

        Assert.That(failure.Message, Does.StartWith("Cannot execute the HPC ZOO-Service BandMath using hpc-preview:")
            .And.Contain("invalid partition specified: gpu"));
    }
}
