using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace Zoo.Integration.Tests.Support;

/// <summary>A WPS 2.0.0 wps:StatusInfo as a CGI answered it: the job, its status and, while it runs, its progress.</summary>
public sealed record StatusInfo(string JobId, string Status, int? Percent, string? Message)
{
    public static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";

    public static StatusInfo Parse(CgiResult result)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(result.Text).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AssertionException($"not XML ({e.Message}):\n{result.Text}");
        }
        if (root.Name != Wps20 + "StatusInfo")
            throw new AssertionException("not a wps:StatusInfo:\n" + result.Text);
        var percent = root.Element(Wps20 + "PercentCompleted")?.Value;
        return new StatusInfo(
            root.Element(Wps20 + "JobID")?.Value ?? "",
            root.Element(Wps20 + "Status")?.Value ?? "",
            percent is null ? null : int.Parse(percent, CultureInfo.InvariantCulture),
            root.Nodes().OfType<XComment>().FirstOrDefault()?.Value);
    }

    public bool IsFinal => Status is "Succeeded" or "Failed";
}

/// <summary>
/// Talks to the jobs of one <see cref="ServiceDirectory"/> the way a client does (GetStatus, GetResult,
/// Dismiss, the 1.0.0 statusLocation, each a CGI run) and looks at their files and processes.
/// </summary>
public sealed class AsyncJobs(ServiceDirectory services)
{
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(60);

    public ServiceDirectory Services => services;

    public static string GetStatusQuery(string id) => $"service=WPS&version=2.0.0&request=GetStatus&JobID={Uri.EscapeDataString(id)}";

    public static string GetResultQuery(string id) => $"service=WPS&version=2.0.0&request=GetResult&JobID={Uri.EscapeDataString(id)}";

    public static string DismissQuery(string id) => $"service=WPS&version=2.0.0&request=Dismiss&JobID={Uri.EscapeDataString(id)}";

    public static string GetStatusXml(string id) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:GetStatus service="WPS" version="2.0.0" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0">
          <wps:JobID>{System.Security.SecurityElement.Escape(id)}</wps:JobID>
        </wps:GetStatus>
        """;

    public CgiResult GetStatus(string id) => CgiProcess.Get(services.Path, GetStatusQuery(id));

    public CgiResult GetStatusByPost(string id) => CgiProcess.Post(services.Path, GetStatusXml(id));

    public CgiResult GetResult(string id) => CgiProcess.Get(services.Path, GetResultQuery(id));

    public CgiResult Dismiss(string id) => CgiProcess.Get(services.Path, DismissQuery(id));

    public StatusInfo Status(string id) => StatusInfo.Parse(GetStatus(id));

    /// <summary>Runs a statusLocation URL as the CGI request it names (it is this same zoo_loader.cgi).</summary>
    public CgiResult Fetch(string statusLocation)
    {
        var query = new Uri(statusLocation).Query;
        return CgiProcess.Get(services.Path, query.StartsWith('?') ? query[1..] : query);
    }

    /// <summary>Polls GetStatus until the job is Succeeded or Failed.</summary>
    public StatusInfo WaitUntilFinal(string id) =>
        Poll.Until(() => Status(id), s => s.IsFinal, JobDeadline, $"job {id} to end");

    /// <summary>Polls GetStatus until the job runs and its service has reported progress above 0 %.</summary>
    public StatusInfo WaitUntilProgressing(string id) =>
        Poll.Until(() => Status(id), s => s.Status == "Running" && s.Percent > 0 || s.IsFinal, JobDeadline,
            $"job {id} to report progress");

    /// <summary>The worker's pid, from the job's .pid file ("pid starttime"; ZOO's readers take the leading number).</summary>
    public int WorkerPid(string id)
    {
        var file = Path.Combine(services.TmpPath, id + ".pid");
        var text = Poll.Until(() => FileText.ReadOrNull(file), t => !string.IsNullOrWhiteSpace(t), JobDeadline, $"{file} to be written");
        return int.Parse(text!.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The python3 processes the worker started (waits until there is one).</summary>
    public IReadOnlyList<int> PythonChildren(int workerPid) =>
        Poll.Until(() => ProcessTable.Descendants(workerPid).Where(p => ProcessTable.CommandLine(p).Contains("python", StringComparison.Ordinal)).ToList(),
            pids => pids.Count > 0, JobDeadline, $"a python3 child of worker {workerPid}", Poll.Interval);

    /// <summary>Names of the files in tmpPath that belong to the job (their name contains its id).</summary>
    public IReadOnlyList<string> FilesOf(string id) =>
        Directory.EnumerateFileSystemEntries(services.TmpPath)
            .Select(Path.GetFileName)
            .Where(name => name!.Contains(id, StringComparison.OrdinalIgnoreCase))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Stops every worker (and what it started) still running for this directory's main.cfg.</summary>
    public void KillAllWorkers()
    {
        var config = Path.Combine(services.Path, "main.cfg");
        foreach (var pid in ProcessTable.AllPids().Where(p => ProcessTable.CommandLine(p) is var line
                     && line.Contains("--worker", StringComparison.Ordinal) && line.Contains(config, StringComparison.Ordinal)).ToList())
            ProcessTable.KillTree(pid);
    }

    /// <summary>Runs a request and measures the CGI's wall time: start to exit with its output read to the end.</summary>
    public static (CgiResult Result, TimeSpan Elapsed) Timed(Func<CgiResult> request)
    {
        var clock = Stopwatch.StartNew();
        var result = request();
        return (result, clock.Elapsed);
    }
}
