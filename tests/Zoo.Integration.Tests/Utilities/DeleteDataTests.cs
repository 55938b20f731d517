using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Utilities;

/// <summary>
/// DeleteData through zoo_loader.cgi, on what real jobs left: two asynchronous jobs of a service that leaves its output
/// in tmpPath as an HPC job does (<c>output_&lt;Service&gt;_&lt;output&gt;_&lt;usid&gt;.tif</c>, published through MapServer, so
/// with its <c>.maps</c> list and mapfile), one reading its input from a URL cached as OTHER, the other from a URL of
/// <c>[security] shared</c>. The hostile requests run first, then the two deletions; the tests read what each left.
/// </summary>
[TestFixture]
public sealed class DeleteDataTests
{
    private const string Service = "MakeOutput";

    private ServiceDirectory _services = null!;
    private StaticHttpServer _http = null!;
    private string _cacheDir = null!;
    private string _dataPath = null!;
    private string _job = null!;
    private string _sharedJob = null!;
    private string _entry = null!;
    private string _sharedEntry = null!;
    private string _victim = null!;
    private IReadOnlyList<string> _jobFilesBefore = null!;
    private IReadOnlyList<string> _dataFilesBefore = null!;
    private IReadOnlyList<string> _cacheBefore = null!;
    private IReadOnlyList<string> _tmpAfterRefusals = null!;
    private IReadOnlyList<string> _cacheAfterRefusals = null!;
    private IReadOnlyList<string> _tmpAfterDeletions = null!;
    private IReadOnlyList<string> _cacheAfterDeletions = null!;
    private IReadOnlyList<string> _dataAfterDeletions = null!;
    private readonly Dictionary<string, CgiResult> _answers = [];

    [OneTimeSetUp]
    public void RunJobsThenDeleteData()
    {
        _http = new StaticHttpServer();
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _cacheDir = Directory.CreateDirectory(Path.Combine(_services.Path, "cache")).FullName;
        _dataPath = Directory.CreateDirectory(Path.Combine(_services.Path, "data")).FullName;
        _services.SetConfig("main", "cacheDir", _cacheDir);
        _services.SetConfig("main", "dataPath", _dataPath);
        _services.SetConfig("security", "shared", $"http://127.0.0.1:{_http.Port}/shared/");
        _services.Write(Service + ".zcfg", Zcfg);
        _services.Write("make_output.py", Python);
        var raster = Path.Combine(_services.Path, "raster.tif");
        GdalCommands.CreateGeoTiff(raster, width: 60, height: 20, type: "Byte", epsg: 32631, west: 500000, north: 4650000, pixelSize: 30, 200);
        var bytes = File.ReadAllBytes(raster);

        var jobs = new AsyncJobs(_services);
        _job = RunJob(jobs, _http.Serve("/raster.tif", "image/tiff", bytes));
        _sharedJob = RunJob(jobs, _http.Serve("/shared/raster.tif", "image/tiff", bytes));
        (_entry, _sharedEntry) = (EntryWithProvenance("OTHER"), EntryWithProvenance("SHARED"));
        _jobFilesBefore = Names(_services.TmpPath);
        _dataFilesBefore = Names(_dataPath);
        _cacheBefore = Names(_cacheDir);
        _victim = Path.Combine(_services.Path, "victim.txt");
        File.WriteAllText(_victim, "precious");
        File.CreateSymbolicLink(Path.Combine(_services.TmpPath, $"output_{Service}_Link_{_job}.tif"), _victim);

        Ask("traversal", _job, $"../{OutputOf(_job)}", "Result");
        Ask("traversal to main.cfg", _job, "../main.cfg", "Result");
        Ask("symlink", _job, $"output_{Service}_Link_{_job}.tif", "Result");
        Ask("shared", _sharedJob, _sharedEntry, "InputData");
        Ask("another job's output", _job, OutputOf(_sharedJob), "Result");
        Ask("another job's cache entry", _job, _sharedEntry, "InputData");
        Ask("neither", _job, _job + "_lenv.cfg", "Result");
        _tmpAfterRefusals = Names(_services.TmpPath);
        _cacheAfterRefusals = Names(_cacheDir);

        Ask("output", _job, OutputOf(_job), "Result");
        Ask("input", _job, _entry, "InputData");
        _tmpAfterDeletions = Names(_services.TmpPath);
        _cacheAfterDeletions = Names(_cacheDir);
        _dataAfterDeletions = Names(_dataPath);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _http?.Dispose();
        _services?.Dispose();
    }

    // ------------------------------------------------------------------------------------------- what the jobs left

    [Test]
    public void The_job_left_its_output_and_its_maps_list_in_tmpPath() =>
        Assert.That(_jobFilesBefore, Does.Contain(OutputOf(_job)).And.Contain($"output_{Service}_Result_{_job}.maps"));

    [Test]
    public void The_job_left_its_mapfile_in_dataPath() =>
        Assert.That(_dataFilesBefore, Does.Contain($"Result_0_{_job}.map"));

    // ------------------------------------------------------------------------------------------- deletions

    [Test]
    public void Deleting_an_output_answers_ZOOs_message_as_Result() =>
        Assert.That(Result("output"), Is.EqualTo("The output data has been correclty removed"));

    [Test]
    public void Deleting_an_input_cache_entry_answers_ZOOs_message_as_Result() =>
        Assert.That(Result("input"), Is.EqualTo("The input data has been correclty removed"));

    [TestCase("output")]
    [TestCase("input")]
    public void The_answers_of_a_deletion_are_schema_valid(string request) => SchemaValidator.AssertValid(_answers[request]);

    [Test]
    public void The_output_and_its_maps_list_are_gone_from_tmpPath() =>
        Assert.That(_tmpAfterDeletions, Does.Not.Contain(OutputOf(_job)).And.Not.Contain($"output_{Service}_Result_{_job}.maps"));

    [Test]
    public void The_outputs_mapfile_is_gone_from_dataPath() =>
        Assert.That(_dataAfterDeletions, Does.Not.Contain($"Result_0_{_job}.map"));

    [Test]
    public void The_other_jobs_output_and_mapfile_stay() =>
        Assert.That((_tmpAfterDeletions.Contains(OutputOf(_sharedJob)), _dataAfterDeletions.Contains($"Result_0_{_sharedJob}.map")), Is.EqualTo((true, true)));

    [Test]
    public void The_whole_cache_entry_the_job_read_is_gone() =>
        Assert.That(_cacheAfterDeletions, Is.EqualTo(_cacheBefore.Except(new[] { ".zca", ".zcm", ".zcp", ".zmd" }.Select(e => Path.ChangeExtension(_entry, e)))));

    [Test]
    public void The_shared_cache_entry_is_whole() =>
        Assert.That(_cacheAfterDeletions, Is.SupersetOf(new[] { ".zca", ".zcm", ".zcp", ".zmd" }.Select(e => Path.ChangeExtension(_sharedEntry, e))));

    // ------------------------------------------------------------------------------------------- refusals

    [Test]
    public void Nothing_in_tmpPath_is_deleted_by_the_refused_requests() =>
        Assert.That(_tmpAfterRefusals, Is.EqualTo(_jobFilesBefore.Append($"output_{Service}_Link_{_job}.tif").Order(StringComparer.Ordinal)));

    [Test]
    public void Nothing_in_the_cache_is_deleted_by_the_refused_requests() =>
        Assert.That(_cacheAfterRefusals, Is.EqualTo(_cacheBefore));

    [Test]
    public void The_symbolic_links_target_is_untouched() => Assert.That(File.ReadAllText(_victim), Is.EqualTo("precious"));

    [Test]
    public void The_main_cfg_outside_tmpPath_is_untouched() => Assert.That(File.Exists(Path.Combine(_services.Path, "main.cfg")), Is.True);

    [TestCase("traversal")]
    [TestCase("traversal to main.cfg")]
    [TestCase("symlink")]
    [TestCase("shared")]
    [TestCase("another job's output")]
    [TestCase("another job's cache entry")]
    [TestCase("neither")]
    public void A_refusal_is_a_schema_valid_answer(string request) => SchemaValidator.AssertValid(_answers[request]);

    [TestCase("traversal")]
    [TestCase("traversal to main.cfg")]
    [TestCase("symlink")]
    [TestCase("shared")]
    [TestCase("another job's output")]
    [TestCase("another job's cache entry")]
    [TestCase("neither")]
    public void A_refusal_is_a_NoApplicableCode_exception_report(string request) =>
        Assert.That(OwsReport.Code(_answers[request]), Is.EqualTo("NoApplicableCode"), _answers[request].Text);

    [Test]
    public void A_path_through_parent_directories_is_refused() =>
        Assert.That(OwsReport.Text(_answers["traversal"]), Is.EqualTo($"The filename \"../{OutputOf(_job)}\" is not the name of a file: it cannot hold a directory."));

    [Test]
    public void A_symbolic_link_is_refused() =>
        Assert.That(OwsReport.Text(_answers["symlink"]),
            Is.EqualTo($"The file you try to delete is not a regular file (a symbolic link is never followed): output_{Service}_Link_{_job}.tif."));

    [Test]
    public void A_shared_cache_entry_gets_ZOOs_message() =>
        Assert.That(OwsReport.Text(_answers["shared"]), Is.EqualTo("The file you try to delete is a shared ressource and cannot be deleted by nature."));

    [Test]
    public void Another_jobs_output_is_refused() =>
        Assert.That(OwsReport.Text(_answers["another job's output"]), Is.EqualTo($"The file {OutputOf(_sharedJob)} is not a file of the job {_job}."));

    [Test]
    public void A_cache_entry_another_job_read_is_refused() =>
        Assert.That(OwsReport.Text(_answers["another job's cache entry"]),
            Is.EqualTo($"The file {_sharedEntry} is not a cache entry the inputs of the job {_job} were read from."));

    [Test]
    public void A_file_that_is_neither_an_input_nor_an_output_gets_ZOOs_message() =>
        Assert.That(OwsReport.Text(_answers["neither"]), Is.EqualTo("The file you try to delete is nor an input, nor an output."));

    // ------------------------------------------------------------------------------------------- helpers

    private static string OutputOf(string job) => $"output_{Service}_Result_{job}.tif";

    private string RunJob(AsyncJobs jobs, string href)
    {
        var accepted = CgiProcess.Post(_services.Path,
            Xml20(Service, Reference20("InputData", href, "mimeType=\"image/tiff\""), Output20("Result", "reference")).Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal));
        var id = StatusInfo.Parse(accepted).JobId;
        var final = jobs.WaitUntilFinal(id);
        if (final.Status != "Succeeded")
            Assert.Fail($"job {id} ended {final.Status}:\n{jobs.GetResult(id).Text}");
        // The worker tidies its files after recording the end: the snapshots are taken once it is gone.
        var config = Path.Combine(_services.Path, "main.cfg");
        Poll.Until(() => !ProcessTable.AllPids().Any(p => ProcessTable.CommandLine(p) is var line
            && line.Contains("--worker", StringComparison.Ordinal) && line.Contains(config, StringComparison.Ordinal)), AsyncJobs.JobDeadline, $"the worker of job {id} to end");
        return id;
    }

    /// <summary>The cache entry (its .zca name) whose provenance file says <paramref name="provenance"/>.</summary>
    private string EntryWithProvenance(string provenance) =>
        Path.GetFileName(Path.ChangeExtension(Directory.EnumerateFiles(_cacheDir, "*.zcp").Single(p => File.ReadAllText(p).Trim() == provenance), ".zca"));

    private void Ask(string label, string jobId, string fileName, string ioName) =>
        _answers[label] = CgiProcess.Get(_services.Path, Kvp("DeleteData", $"jobid={Q(jobId)};filename={Q(fileName)};ioname={Q(ioName)}"));

    private string? Result(string label)
    {
        XNamespace wps = "http://www.opengis.net/wps/1.0.0";
        var answer = _answers[label];
        return XDocument.Parse(answer.Text).Descendants(wps + "LiteralData").SingleOrDefault()?.Value ?? answer.Text;
    }

    private static IReadOnlyList<string> Names(string directory) =>
        Directory.EnumerateFileSystemEntries(directory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

    private const string Python = """
        import os
        import zoo


        def MakeOutput(conf, inputs, outputs):
            # Leaves the output in tmpPath under the name an HPC job's output has.
            target = os.path.join(conf["main"]["tmpPath"], "output_MakeOutput_Result_%s.tif" % conf["lenv"]["usid"])
            with open(inputs["InputData"]["cache_file"], "rb") as source, open(target, "wb") as out:
                out.write(source.read())
            outputs["Result"]["generated_file"] = target
            return zoo.SERVICE_SUCCEEDED

        """;

    private const string Zcfg = """
        [MakeOutput]
         Title = Leave an output as an HPC job does.
         Abstract = Written by the DeleteData tests.
         processVersion = 1
         storeSupported = true
         statusSupported = true
         serviceType = Python
         serviceProvider = make_output
         <DataInputs>
          [InputData]
           Title = Input raster
           Abstract = A GeoTIFF, by reference.
           minOccurs = 1
           maxOccurs = 1
           <ComplexData>
            <Default>
             mimeType = image/tiff
            </Default>
           </ComplexData>
         </DataInputs>
         <DataOutputs>
          [Result]
           Title = Published raster
           Abstract = The input raster, published through MapServer.
           <ComplexOutput>
            <Default>
             mimeType = image/tiff
             useMapserver = true
             asReference = true
            </Default>
           </ComplexOutput>
         </DataOutputs>

        """;
}
