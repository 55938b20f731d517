using System.Globalization;
using System.Text;
using Zoo.Core.Configuration;

namespace Zoo.Core.Jobs;

/// <summary>
/// The files of asynchronous jobs in tmpPath, with ZOO's names, so that clients and tools made for
/// ZOO keep working: <c>&lt;id&gt;.sid</c> (the job exists), <c>&lt;id&gt;.pid</c> (its worker runs),
/// <c>&lt;id&gt;.status</c> (<c>percent|message</c>), <c>&lt;id&gt;.res</c> (how it ended),
/// <c>&lt;id&gt;_lenv.cfg</c>, and <c>&lt;Service&gt;_&lt;id&gt;.xml</c> (the status document, then the result).
/// Ours only: <c>&lt;id&gt;.request</c>, what the worker runs. Every file is written atomically.
/// </summary>
public sealed class JobStore(string tmpPath)
{
    public string TmpPath => tmpPath;

    public string SidFile(string id) => Path.Combine(tmpPath, id + ".sid");
    public string PidFile(string id) => Path.Combine(tmpPath, id + ".pid");
    public string StatusFile(string id) => Path.Combine(tmpPath, id + ".status");
    public string ResultStateFile(string id) => Path.Combine(tmpPath, id + ".res");
    public string RequestFile(string id) => Path.Combine(tmpPath, id + ".request");
    public string LenvFile(string id) => Path.Combine(tmpPath, id + "_lenv.cfg");
    public string ErrorLog(string service, string id) => Path.Combine(tmpPath, $"{service}_{id}_error.log");
    public static string ResponseFileName(string service, string id) => $"{service}_{id}.xml";
    public string ResponseFile(string service, string id) => Path.Combine(tmpPath, ResponseFileName(service, id));

    public bool Exists(string id) => JobId.IsWellFormed(id) && File.Exists(SidFile(id));

    /// <summary>Creates the job: its saved request (for a worker to run; none for a finished run) and its .sid.</summary>
    public void Create(string id, long osid, byte[]? request)
    {
        if (request is not null)
            AtomicFile.Write(RequestFile(id), request);
        AtomicFile.Write(SidFile(id), osid.ToString(CultureInfo.InvariantCulture));
    }

    public void MarkRunning(string id, int pid) => AtomicFile.Write(PidFile(id), pid.ToString(CultureInfo.InvariantCulture));

    public void WriteLenv(string id, IEnumerable<KeyValuePair<string, string>> lenv)
    {
        var text = new StringBuilder("[lenv]\n");
        foreach (var (key, value) in lenv)
            text.Append(key).Append('=').Append(value.Replace('\n', ' ')).Append('\n');
        AtomicFile.Write(LenvFile(id), text.ToString());
    }

    /// <summary>ZOO's <c>percent|message</c> status file, read by GetStatus while the job runs.</summary>
    public void WriteProgress(string id, int percent, string message) =>
        AtomicFile.Write(StatusFile(id), $"{Math.Clamp(percent, 0, 100).ToString(CultureInfo.InvariantCulture)}|{message.Replace('\n', ' ')}");

    public void WriteResponse(string service, string id, string document) =>
        AtomicFile.Write(ResponseFile(service, id), document);

    /// <summary>Records how the job ended (ZOO's .res), then removes what only a running job has.</summary>
    public void Finish(string id, string service, bool succeeded, string? message)
    {
        var text = new StringBuilder("[status]\n")
            .Append("usid=").Append(id).Append('\n')
            .Append("sid=").Append(ReadText(SidFile(id)) ?? "").Append('\n')
            .Append("pid=").Append(ReadText(PidFile(id)) ?? "").Append('\n')
            .Append("status=").Append(succeeded ? "Succeeded" : "Failed").Append('\n');
        if (!string.IsNullOrEmpty(message))
            text.Append("message=").Append(message.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        AtomicFile.Write(ResultStateFile(id), text.ToString());
        File.Delete(PidFile(id));
        File.Delete(StatusFile(id));
        var log = ErrorLog(service, id);
        if (File.Exists(log) && new FileInfo(log).Length == 0)
            File.Delete(log);
    }

    /// <summary>The service a job runs, from its saved lenv (null before the worker wrote it).</summary>
    public string? ServiceName(string id) =>
        File.Exists(LenvFile(id)) ? IniDocument.Read(LenvFile(id))["lenv"]["Identifier"] : null;

    /// <summary>The pid of a job's worker, when its pid file is there.</summary>
    public int? WorkerPid(string id) =>
        int.TryParse(ReadText(PidFile(id)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    /// <summary>How the job ended, from its .res file, or null while it has none.</summary>
    public (bool Succeeded, string? Message)? Ending(string id)
    {
        if (!File.Exists(ResultStateFile(id)))
            return null;
        var status = IniDocument.Read(ResultStateFile(id))["status"];
        return (status["status"] == "Succeeded", status["message"]);
    }

    /// <summary>ZOO's <c>percent|message</c>, or 0 and no message when the service reported nothing.</summary>
    public (int Percent, string? Message) Progress(string id)
    {
        var text = ReadText(StatusFile(id));
        if (text is null)
            return (0, null);
        var bar = text.IndexOf('|');
        var percentText = bar < 0 ? text : text[..bar];
        var percent = int.TryParse(percentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return (Math.Clamp(percent, 0, 100), bar < 0 ? null : text[(bar + 1)..]);
    }

    /// <summary>Every file of the job: exactly its own names (ZOO deletes every file whose name merely contains the id).</summary>
    public IEnumerable<string> FilesOf(string id) =>
        Directory.EnumerateFiles(tmpPath)
            .Where(path => NamesJob(Path.GetFileName(path), id));

    public static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool NamesJob(string name, string id)
    {
        var at = name.IndexOf(id, StringComparison.Ordinal);
        if (at < 0)
            return false;
        var before = at == 0 ? '_' : name[at - 1];
        var after = at + id.Length < name.Length ? name[at + id.Length] : '.';
        return before is '_' && after is '.' or '_';
    }
}
