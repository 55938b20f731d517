using System.Diagnostics;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Zoo.Integration.Tests.Async;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>An HTTP answer of the served copy (the kernel, its tmpUrl, mapserv).</summary>
public sealed record Fetched(HttpStatusCode Status, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The answer as a CGI result, for the helpers that read one (StatusInfo, schema validation).</summary>
    public CgiResult AsCgiResult() => new([], Body, "", 0);
}

/// <summary>
/// A copy of dist/cgi-bin served by serve.sh (nginx + fcgiwrap, the kernel, FinalizeHPC.cgi and MapServer's mapserv)
/// for the HPC publication tests: its dataPath lies inside the copy, and serverAddress, tmpUrl and mapserverAddress
/// name the served port, so that the documents the kernel answers carry links a client can follow. Jobs are run the
/// way a client runs them, over HTTP; each cluster job ends through the job script's footer calling the served
/// FinalizeHPC.cgi (sacct polling every few seconds stays behind it, as the worker's own fallback).
/// </summary>
public sealed class ServedHpcDist : IDisposable
{
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly string[] ConfigurationSections = ["hpc-config-preview", "hpc-config-fullres"];

    private readonly ServeScript _server;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly StaticHttpServer _inputs = new();
    private readonly LocalSlurm _slurm;
    private readonly List<string> _slurmJobNames = [];

    private ServedHpcDist(ClusterEnvironment cluster, ServiceDirectory services, ServeScript server)
    {
        Services = services;
        _server = server;
        _slurm = new LocalSlurm(cluster);
    }

    public ServiceDirectory Services { get; }

    public string Root => $"http://127.0.0.1:{_server.Port}";

    public string TmpUrl => Root + "/temp/";

    public string MapServer => Root + "/cgi-bin/mapserv";

    /// <summary>Where the tests keep what they fetch: inside the copy, outside tmpPath and dataPath.</summary>
    public string WorkPath => Path.Combine(Services.Path, "work");

    /// <param name="configure">Changes to the copy's main.cfg (e.g. <c>[HPC] nested_outputs=false</c>).</param>
    public static ServedHpcDist Start(ClusterEnvironment cluster, Action<ServiceDirectory>? configure = null)
    {
        var services = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        ServeScript? server = null;
        try
        {
            // serve.sh reads dataPath once, when it starts (MapServer's MS_MAP_PATTERN is built from it).
            services.SetConfig("main", "dataPath", Path.Combine(services.Path, "data"));
            services.SetConfig("main", "sessPath", services.TmpPath);
            services.SetConfig("HPC", "sacct_poll_interval", "5");
            configure?.Invoke(services);
            Directory.CreateDirectory(Path.Combine(services.Path, "work"));
            server = ServeScript.Start(services.Path);
            // The port is known once served; the kernel reads main.cfg at every request.
            var root = $"http://127.0.0.1:{server.Port}";
            services.SetConfig("main", "serverAddress", root + "/cgi-bin/zoo_loader.cgi");
            services.SetConfig("main", "tmpUrl", root + "/temp/");
            services.SetConfig("main", "mapserverAddress", root + "/cgi-bin/mapserv");
            services.Write("footer.sh",
                $"curl -sS --max-time 30 -o /dev/null '{root}/cgi-bin/FinalizeHPC.cgi?service=WPS&version=1.0.0&request=Execute&Identifier=FinalizeHPC1&DataInputs=JobId=%s'\n");
            foreach (var section in ConfigurationSections)
                services.SetConfig(section, "jobscript_footer", "footer.sh");
            return new ServedHpcDist(cluster, services, server);
        }
        catch
        {
            server?.Dispose();
            services.Dispose();
            throw;
        }
    }

    public Fetched Get(string url)
    {
        using var response = _http.GetAsync(new Uri(url)).GetAwaiter().GetResult();
        return new Fetched(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
    }

    /// <summary>A KVP request to the served zoo_loader.cgi.</summary>
    public Fetched Request(string query) => Get(_server.Loader + "?" + query);

    public Fetched Post(string xml)
    {
        using var response = _http.PostAsync(_server.Loader, new StringContent(xml, Encoding.UTF8, "text/xml")).GetAwaiter().GetResult();
        return new Fetched(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
    }

    /// <summary>Posts a 2.0.0 async Execute of hpc.<paramref name="service"/>, GetStatus until it ends, then GetResult.</summary>
    public PublishedJob Run20(string service, string execute)
    {
        var accepted = Post(execute);
        var jobId = StatusInfo.Parse(accepted.AsCgiResult()).JobId;
        Assert.That(jobId, Is.Not.Empty, accepted.Text);
        _slurmJobNames.Add(SlurmJobName(service, jobId));
        var final = Poll.Until(() => StatusInfo.Parse(Request(AsyncJobs.GetStatusQuery(jobId)).AsCgiResult()), s => s.IsFinal,
            JobDeadline, $"job {jobId} to end", PollInterval);
        return new PublishedJob("2.0.0", service, jobId, final.Status, Request(AsyncJobs.GetResultQuery(jobId)));
    }

    /// <summary>Posts a 1.0.0 Execute with status and storeExecuteResponse, and polls its statusLocation until the job ends.</summary>
    public PublishedJob Run10(string service, string execute)
    {
        var accepted = Post(execute);
        var location = AsyncRequests.StatusLocationOf(accepted.AsCgiResult());
        var jobId = AsyncRequests.JobIdOfLocation(location);
        _slurmJobNames.Add(SlurmJobName(service, jobId));
        var (document, status) = Poll.Until(() =>
            {
                var answer = Get(location);
                return (Answer: answer, Status: AsyncRequests.Status10(answer.AsCgiResult()).Status);
            },
            seen => seen.Status is "ProcessSucceeded" or "ProcessFailed", JobDeadline, $"job {jobId} to end", PollInterval);
        return new PublishedJob("1.0.0", service, jobId, status, document);
    }

    /// <summary>ZOO's output file of a job in tmpPath: <c>output_&lt;Service&gt;_&lt;output&gt;_&lt;usid&gt;.&lt;ext&gt;</c>.</summary>
    public string OutputFile(PublishedJob job, string extension) =>
        Path.Combine(Services.TmpPath, $"output_{job.Service}_out_{job.JobId}.{extension}");

    /// <summary>Serves an input of the jobs over HTTP (outside the served copy) and returns its URL.</summary>
    public string ServeInput(string path, string contentType, byte[] body) => _inputs.Serve(path, contentType, body);

    /// <summary>Fetches <paramref name="url"/> into a file of <see cref="WorkPath"/>, for gdalinfo or ogrinfo.</summary>
    public string Download(string url, string name)
    {
        var answer = Get(url);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), $"{url}:\n{answer.Text}");
        var file = Path.Combine(WorkPath, name);
        File.WriteAllBytes(file, answer.Body);
        return file;
    }

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        _inputs.Dispose();
        new AsyncJobs(Services).KillAllWorkers();
        // A job that did not end in time must not run on in the cluster.
        foreach (var name in _slurmJobNames)
            _slurm.Cancel(name);
        Services.Dispose();
    }

    private static string SlurmJobName(string service, string jobId) => $"ZOO-Project_{jobId}_{service}";
}

/// <summary>
/// A finished asynchronous HPC job: its last status and its result document (2.0.0 GetResult, or the 1.0.0 final status
/// document), and the outputs that document lists with their references: <c>out/download_link</c> for an output nested
/// in <c>out</c> (2.0.0), <c>out.download_link</c> for a flattened one (1.0.0), <c>out</c> for a plain output.
/// </summary>
public sealed record PublishedJob(string Version, string Service, string JobId, string Status, Fetched Document)
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    public bool Succeeded => Status is "Succeeded" or "ProcessSucceeded";

    /// <summary>Fails the test, with the job's document, unless the job succeeded.</summary>
    public PublishedJob AssertSucceeded()
    {
        if (!Succeeded)
            Assert.Fail($"{Version} job {JobId} of {Service} ended {Status}:\n{Document.Text}");
        return this;
    }

    /// <summary>The outputs listed, in order, each with its reference (null when it has none).</summary>
    public IReadOnlyList<(string Path, string? Href)> Outputs()
    {
        var root = XDocument.Parse(Document.Text).Root!;
        if (Version == "2.0.0")
        {
            return root.Elements(Wps20 + "Output").SelectMany(output =>
            {
                var id = output.Attribute("id")?.Value ?? "";
                var nested = output.Elements(Wps20 + "Output").ToList();
                return nested.Count == 0
                    ? [(id, Href20(output))]
                    : nested.Select(child => ($"{id}/{child.Attribute("id")?.Value}", Href20(child)));
            }).ToList();
        }
        return root.Elements(Wps10 + "ProcessOutputs").Elements(Wps10 + "Output")
            .Select(output => (output.Element(Ows11 + "Identifier")?.Value ?? "", output.Element(Wps10 + "Reference")?.Attribute("href")?.Value))
            .ToList();
    }

    /// <summary>The reference of an inner output of <c>out</c>; fails the test when the document does not list it.</summary>
    public string Link(string name)
    {
        var path = Version == "2.0.0" ? "out/" + name : "out." + name;
        var href = Outputs().FirstOrDefault(o => o.Path == path).Href;
        return href ?? throw new AssertionException($"the result lists no {path} with a reference:\n{Document.Text}");
    }

    private static string? Href20(XElement output) => output.Element(Wps20 + "Reference")?.Attribute(Xlink + "href")?.Value;
}
