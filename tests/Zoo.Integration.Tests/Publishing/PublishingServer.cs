using System.Collections.Concurrent;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Publishing;

/// <summary>The data a publishing test gives the sample services.</summary>
public enum SampleData
{
    /// <summary>A 3-band Byte GeoTIFF in EPSG:32631 (60 x 20 pixels of 30 m).</summary>
    Raster,

    /// <summary>A GeoJSON FeatureCollection of five points.</summary>
    Features,

    /// <summary>A JSON document that is no GeoJSON.</summary>
    PlainJson,

    /// <summary>Plain text sent as image/tiff.</summary>
    NotAnImage,

    /// <summary>A GeoJSON FeatureCollection without any feature.</summary>
    EmptyFeatures,
}

/// <summary>
/// One Execute of PublishRaster or PublishVector: the data given, the output format asked for (the default when
/// null) and how it is sent. Synchronous 1.0.0 and asynchronous 2.0.0 jobs get their input inline, the others by
/// reference, so that both ways reach the publication.
/// </summary>
public sealed record JobScenario(string Process, SampleData Data, string? OutputMimeType, WpsMode Mode)
{
    public bool Inline => Mode is WpsMode.Sync100 or WpsMode.Async200;

    public string Label => $"{Process} {Data} as {OutputMimeType ?? "default"}, {VersionLabel(Mode)}";

    public static string VersionLabel(WpsMode mode) => mode switch
    {
        WpsMode.Sync100 => "1.0.0 sync",
        WpsMode.Async100 => "1.0.0 async",
        WpsMode.Sync200 => "2.0.0 sync",
        _ => "2.0.0 async",
    };
}

/// <summary>
/// A copy of dist served by serve.sh (nginx + fcgiwrap, the kernel and MapServer's mapserv) for one test class,
/// with its dataPath inside the copy and every address of its main.cfg pointing at the served port; the sample
/// data served by a <see cref="StaticHttpServer"/>; and the jobs of the class, each run once (the first test that
/// needs it, or <see cref="Start(IEnumerable{JobScenario})"/> ahead, a few at a time) and shared by its tests.
/// </summary>
public sealed class PublishingServer : IDisposable
{
    private const int ParallelJobs = 4;

    private readonly ConcurrentDictionary<JobScenario, Lazy<Task<JobRun>>> _jobs = new();
    private readonly SemaphoreSlim _slots = new(ParallelJobs);
    private readonly Dictionary<SampleData, JobInput> _inputs = [];
    private readonly StaticHttpServer _files;
    private readonly HttpClient _http;
    private readonly ServeScript _server;

    /// <param name="adjust">Changes to the copy's main.cfg once served (e.g. a key removed).</param>
    public PublishingServer(Action<ServiceDirectory>? adjust = null)
    {
        Dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        try
        {
            DataPath = Path.Combine(Dist.Path, "data");
            WorkPath = Path.Combine(Dist.Path, "work");
            Directory.CreateDirectory(DataPath);
            Directory.CreateDirectory(WorkPath);
            Dist.SetConfig("main", "dataPath", DataPath);
            Dist.SetConfig("main", "sessPath", Dist.TmpPath);
            _files = new StaticHttpServer();
            MakeSamples();
            _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            _server = ServeScript.Start(Dist.Path);
            // The port is known once served; the kernel reads main.cfg at every request.
            var root = $"http://127.0.0.1:{_server.Port}";
            Dist.SetConfig("main", "serverAddress", root + "/cgi-bin/zoo_loader.cgi");
            Dist.SetConfig("main", "tmpUrl", root + "/temp/");
            Dist.SetConfig("main", "mapserverAddress", root + "/cgi-bin/mapserv");
            adjust?.Invoke(Dist);
            Wps = new ServedWps(_http, _server.Loader);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ServiceDirectory Dist { get; }

    public string DataPath { get; }

    /// <summary>Where the tests keep their own files (the samples, what they fetch): inside the copy, outside dataPath.</summary>
    public string WorkPath { get; }

    public ServedWps Wps { get; } = null!;

    public string TmpUrl => Dist.Config("main", "tmpUrl")!;

    /// <summary>Where the sample of each kind lies as a file, for gdalinfo and ogrinfo.</summary>
    public string SampleFile(SampleData data) => Path.Combine(WorkPath, data switch
    {
        SampleData.Raster => "raster.tif",
        SampleData.Features => "features.geojson",
        SampleData.PlainJson => "plain.json",
        SampleData.NotAnImage => "text.tif",
        _ => "empty.geojson",
    });

    public JobInput Input(SampleData data) => _inputs[data];

    /// <summary>Starts the jobs ahead, so that they run side by side while the first tests look at theirs.</summary>
    public void Start(IEnumerable<JobScenario> scenarios)
    {
        foreach (var scenario in scenarios)
            _ = Job(scenario);
    }

    /// <summary>The job of a scenario, run once for the class.</summary>
    public Task<JobRun> Job(JobScenario scenario) =>
        _jobs.GetOrAdd(scenario, s => new Lazy<Task<JobRun>>(() => RunAsync(s))).Value;

    /// <summary>Runs a scenario's job now, apart from the shared ones (for a test that changes the job, such as Dismiss).</summary>
    public async Task<JobRun> RunAsync(JobScenario scenario)
    {
        JobRun run;
        await _slots.WaitAsync();
        try
        {
            run = await Wps.ExecuteAsync(scenario.Process, Input(scenario.Data), scenario.OutputMimeType, scenario.Mode, scenario.Inline);
        }
        finally
        {
            _slots.Release();
        }
        // Validated here, side by side with the other jobs, rather than one document after another in the tests.
        return new JobRun(run.Mode, run.JobId, run.Documents, run.FinalStatus)
        {
            Validation = run.Documents.Select(d => (d.What, SchemaValidator.Problems(d.Body))).ToList(),
        };
    }

    /// <summary>Fetches a URL a job returned.</summary>
    public HttpAnswer Fetch(string url) => Wps.GetAsync(url).GetAwaiter().GetResult();

    /// <summary>Files of a job in dataPath (their names hold its id).</summary>
    public IReadOnlyList<string> DataFilesOf(string jobId) =>
        Directory.EnumerateFiles(DataPath).Select(Path.GetFileName).Where(n => n!.Contains(jobId, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()!;

    public void Dispose()
    {
        // Wait for the jobs still running, so that none writes into the copy being removed.
        foreach (var job in _jobs.Values.Where(j => j.IsValueCreated))
        {
            try
            {
                job.Value.Wait(ServedWps.JobDeadline);
            }
            catch (AggregateException)
            {
                // Its test reported it.
            }
        }
        _server?.Dispose();
        _http?.Dispose();
        _files?.Dispose();
        new AsyncJobs(Dist).KillAllWorkers();
        Dist.Dispose();
        _slots.Dispose();
    }

    private void MakeSamples()
    {
        GdalCommands.CreateGeoTiff(SampleFile(SampleData.Raster), width: 60, height: 20, type: "Byte", epsg: 32631,
            west: 500000, north: 4650000, pixelSize: 30, 200, 120, 40);
        File.WriteAllText(SampleFile(SampleData.Features), """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":1,"name":"a"},"geometry":{"type":"Point","coordinates":[2.1,48.8]}},
            {"type":"Feature","properties":{"id":2,"name":"b"},"geometry":{"type":"Point","coordinates":[2.3,48.9]}},
            {"type":"Feature","properties":{"id":3,"name":"c"},"geometry":{"type":"Point","coordinates":[2.5,48.7]}},
            {"type":"Feature","properties":{"id":4,"name":"d"},"geometry":{"type":"Point","coordinates":[2.2,48.6]}},
            {"type":"Feature","properties":{"id":5,"name":"e"},"geometry":{"type":"Point","coordinates":[2.4,48.75]}}]}
            """);
        File.WriteAllText(SampleFile(SampleData.PlainJson), """{"name":"not features","values":[1,2,3],"nested":{"ok":true}}""");
        File.WriteAllText(SampleFile(SampleData.NotAnImage), "This is plain text, sent as image/tiff: no raster at all.\n");
        File.WriteAllText(SampleFile(SampleData.EmptyFeatures), """{"type":"FeatureCollection","features":[]}""");
        foreach (var data in Enum.GetValues<SampleData>())
        {
            var binary = data is SampleData.Raster or SampleData.NotAnImage;
            var mimeType = binary ? "image/tiff" : "application/json";
            var content = File.ReadAllBytes(SampleFile(data));
            var url = _files.Serve("/" + Path.GetFileName(SampleFile(data)), mimeType, content);
            _inputs[data] = new JobInput(mimeType, content, binary, url);
        }
    }
}
