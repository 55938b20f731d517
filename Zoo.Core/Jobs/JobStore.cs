using System.Globalization;
using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Files;

namespace Zoo.Core.Jobs;

/// <summary>
/// The files of jobs in tmpPath, with ZOO's names, so that clients and tools made for ZOO keep working:
/// <c>&lt;id&gt;.sid</c> (the job exists), <c>&lt;id&gt;.pid</c> (its worker runs), <c>&lt;id&gt;.status</c>
/// (<c>percent|message</c>), <c>&lt;id&gt;.res</c> (how it ended), <c>&lt;id&gt;_lenv.cfg</c>,
/// <c>&lt;Service&gt;_&lt;id&gt;.xml</c> (the status document, then the result), <c>&lt;Service&gt;_&lt;id&gt;_error.log</c>
/// and the inputs given by value, <c>Input_&lt;input&gt;_&lt;id&gt;_&lt;n&gt;.&lt;ext&gt;</c>; ours alone, <c>&lt;id&gt;_cache.list</c>
/// (the cache entries its inputs were read from, which DeleteData may then delete for it), and for the OGC API,
/// <c>&lt;id&gt;.json</c> (ZOO's: the results document, or the exception, of a finished job) and, ours alone,
/// <c>&lt;id&gt;_api.cfg</c> (how the client asked for the results: raw or document).
/// <para>
/// tmpPath is shared (the web server publishes it, services write there): every file is written atomically
/// under an unpredictable name and read without following a symbolic link, so nothing planted there makes
/// the kernel write or disclose another file.
/// </para>
/// </summary>
public sealed class JobStore(string tmpPath)
{
    // The small files hold a number or a line; the documents are the kernel's own answers.
    private const long SmallFileBytes = 64 * 1024;
    private const long DocumentBytes = int.MaxValue;

    private static readonly string[] PrivateSuffixes = [".sid", ".pid", ".status", ".res", "_lenv.cfg", "_error.log", "_cache.list", "_api.cfg"];

    public string TmpPath => tmpPath;

    public string SidFile(string id) => Path.Combine(tmpPath, id + ".sid");
    public string PidFile(string id) => Path.Combine(tmpPath, id + ".pid");
    public string StatusFile(string id) => Path.Combine(tmpPath, id + ".status");
    public string ResultStateFile(string id) => Path.Combine(tmpPath, id + ".res");
    public string LenvFile(string id) => Path.Combine(tmpPath, id + "_lenv.cfg");
    public string CacheEntriesFile(string id) => Path.Combine(tmpPath, id + "_cache.list");
    public string ResultsFile(string id) => Path.Combine(tmpPath, id + ".json");
    public string ApiRequestFile(string id) => Path.Combine(tmpPath, id + "_api.cfg");
    public string ErrorLog(string service, string id) => Path.Combine(tmpPath, $"{service}_{id}_error.log");
    public static string ResponseFileName(string service, string id) => $"{service}_{id}.xml";
    public string ResponseFile(string service, string id) => Path.Combine(tmpPath, ResponseFileName(service, id));

    private const string InputFilePrefix = "Input_";

    /// <summary>ZOO's name for the file of an input given by value: its occurrence counts from 0.</summary>
    public static string InputFileName(string input, string id, int index, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{InputFilePrefix}{input}_{id}_{index}.{extension}");

    /// <summary>
    /// True for the files that are the kernel's own business (a job's state, its environment, its log, a
    /// session, anything hidden): a reference into tmpUrl may read the outputs and inputs published there,
    /// never these.
    /// </summary>
    public static bool IsKernelPrivate(string fileName) =>
        fileName.StartsWith('.')
        || fileName.StartsWith("sess_", StringComparison.Ordinal)
        || fileName.StartsWith("exec_", StringComparison.Ordinal)
        || PrivateSuffixes.Any(suffix => fileName.EndsWith(suffix, StringComparison.Ordinal));

    public bool Exists(string id) => JobId.IsWellFormed(id) && File.Exists(SidFile(id));

    /// <summary>Creates the job: its .sid, which makes it known to GetStatus.</summary>
    public void Create(string id, long osid) => AtomicFile.Write(SidFile(id), osid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Records the worker that runs the job: "pid starttime", so that a recycled pid is never taken for it.</summary>
    public void MarkRunning(string id, ProcessIdentity worker) => AtomicFile.Write(PidFile(id), worker.ToString());

    public void WriteLenv(string id, IEnumerable<KeyValuePair<string, string>> lenv)
    {
        var text = new StringBuilder("[lenv]\n");
        foreach (var (key, value) in lenv)
            text.Append(key).Append('=').Append(OneLine(value)).Append('\n');
        AtomicFile.Write(LenvFile(id), text.ToString());
    }

    /// <summary>Records the cache entries (their <c>.zca</c> file names) the job's inputs were read from, one a line.</summary>
    public void WriteCacheEntries(string id, IEnumerable<string> entryFileNames) =>
        AtomicFile.Write(CacheEntriesFile(id), string.Concat(entryFileNames.Select(name => OneLine(name) + "\n")));

    /// <summary>The cache entries the job's inputs were read from, as recorded (none when nothing was).</summary>
    public IReadOnlyList<string> CacheEntries(string id) =>
        ReadSmall(CacheEntriesFile(id))?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>ZOO's <c>percent|message</c> status file, read by GetStatus while the job runs.</summary>
    public void WriteProgress(string id, int percent, string message) =>
        AtomicFile.Write(StatusFile(id), $"{Math.Clamp(percent, 0, 100).ToString(CultureInfo.InvariantCulture)}|{OneLine(message)}");

    public void WriteResponse(string service, string id, string document) =>
        AtomicFile.Write(ResponseFile(service, id), document);

    /// <summary>The JSON answer of a finished job (results document or exception), which the OGC API serves.</summary>
    public void WriteResults(string id, string json) => AtomicFile.Write(ResultsFile(id), json);

    /// <summary>Records how an OGC API client asked for the results, <c>[api] response=raw|document</c>.</summary>
    public void WriteApiRequest(string id, string response) => AtomicFile.Write(ApiRequestFile(id), $"[api]\nresponse={OneLine(response)}\n");

    /// <summary>The response kind an OGC API client asked for, or null for a job started through WPS.</summary>
    public string? ApiResponse(string id) => ReadSection(ApiRequestFile(id), "api")?["response"];

    /// <summary>The job's error log, opened for appending; private, since services print what they like there.</summary>
    public FileStream OpenErrorLog(string service, string id) => SafeFile.OpenAppend(ErrorLog(service, id));

    /// <summary>Records how the job ended (ZOO's .res), then removes what only a running job has.</summary>
    public void Finish(string id, string service, bool succeeded, string? message)
    {
        var text = new StringBuilder("[status]\n")
            .Append("usid=").Append(id).Append('\n')
            .Append("sid=").Append(ReadSmall(SidFile(id)) ?? "").Append('\n')
            .Append("pid=").Append(Worker(id)?.Pid.ToString(CultureInfo.InvariantCulture) ?? "").Append('\n')
            .Append("status=").Append(succeeded ? "Succeeded" : "Failed").Append('\n');
        if (!string.IsNullOrEmpty(message))
            text.Append("message=").Append(OneLine(message)).Append('\n');
        AtomicFile.Write(ResultStateFile(id), text.ToString());
        File.Delete(PidFile(id));
        File.Delete(StatusFile(id));
        var log = ErrorLog(service, id);
        if (File.Exists(log) && new FileInfo(log).Length == 0)
            File.Delete(log);
    }

    /// <summary>The service a job runs, from its saved lenv (null before it was written).</summary>
    public string? ServiceName(string id) => Lenv(id)?["Identifier"];

    /// <summary>The job's saved lenv (null before it was written).</summary>
    public ConfigValues? Lenv(string id) => ReadSection(LenvFile(id), "lenv");

    /// <summary>The job's worker as recorded, when its pid file is there.</summary>
    public ProcessIdentity? Worker(string id) => ProcessIdentity.Parse(ReadSmall(PidFile(id)));

    /// <summary>How the job ended, from its .res file, or null while it has none.</summary>
    public (bool Succeeded, string? Message)? Ending(string id) =>
        ReadSection(ResultStateFile(id), "status") is { } status ? (status["status"] == "Succeeded", status["message"]) : null;

    /// <summary>ZOO's <c>percent|message</c>, or 0 and no message when the service reported nothing.</summary>
    public (int Percent, string? Message) Progress(string id)
    {
        var text = ReadSmall(StatusFile(id));
        if (text is null)
            return (0, null);
        var bar = text.IndexOf('|');
        var percentText = bar < 0 ? text : text[..bar];
        var percent = int.TryParse(percentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return (Math.Clamp(percent, 0, 100), bar < 0 ? null : text[(bar + 1)..]);
    }

    /// <summary>A document the job stored (its status document or result), or null when there is none.</summary>
    public string? ReadDocument(string path) => Read(path, DocumentBytes);

    /// <summary>Every file of the job: exactly its own names (ZOO deletes every file whose name merely contains the id).</summary>
    public IEnumerable<string> FilesOf(string id) =>
        Directory.EnumerateFiles(tmpPath)
            .Where(path => IsFileOf(Path.GetFileName(path), id));

    /// <summary>A small file of a job (a number, a line), or null when it is not there.</summary>
    public static string? ReadSmall(string path) => Read(path, SmallFileBytes);

    private static string? Read(string path, long maxBytes)
    {
        try
        {
            return SafeFile.ReadTextOrNull(path, maxBytes);
        }
        catch (IOException)
        {
            // A link, a FIFO or something too large where a job file should be: not the kernel's, not read.
            return null;
        }
    }

    /// <summary>
    /// One section of a job file (lenv, res, api): <c>key=value</c> lines the kernel (or ZOO's) wrote itself, read in one
    /// pass without the ini reader of the operator's files, since the job list reads two of them a job. A line that is
    /// not a section, a pair or a comment makes the file unreadable, as the ini reader would.
    /// </summary>
    private static ConfigValues? ReadSection(string path, string section)
    {
        if (Read(path, SmallFileBytes) is not { } text)
            return null;
        var pairs = new List<KeyValuePair<string, string>>();
        var inSection = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[')
            {
                if (line[^1] != ']')
                    return null;
                inSection = line[1..^1].Trim().Equals(section, StringComparison.OrdinalIgnoreCase);
                continue;
            }
            var equals = line.IndexOf('=');
            if (equals <= 0)
                return null;
            if (inSection)
                pairs.Add(KeyValuePair.Create(line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }
        return new ConfigValues(pairs);
    }

    private static string OneLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>True when the id is a whole part of the name: delimited by <c>_</c> or the start before, <c>.</c> or <c>_</c> after.</summary>
    public static bool IsFileOf(string name, string id)
    {
        var at = name.IndexOf(id, StringComparison.Ordinal);
        if (at < 0)
            return false;
        var before = at == 0 ? '_' : name[at - 1];
        var after = at + id.Length < name.Length ? name[at + id.Length] : '.';
        return before is '_' && after is '.' or '_';
    }
}
