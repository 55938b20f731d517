using System.Globalization;
using Zoo.Core.Jobs;

namespace Zoo.Core.Tests.OgcApi.Jobs;

/// <summary>Writes a job's files into a tmpPath the way the kernel leaves them, with the times a test chooses.</summary>
public sealed class JobFileWriter(string tmpPath)
{
    public string TmpPath => tmpPath;

    /// <summary>A job that ended: .sid, _lenv.cfg and .res, as a WPS or OGC API job leaves them.</summary>
    public void Ended(string id, DateTime created, DateTime finished, bool succeeded, string identifier = "HelloPy",
        string? asked = null, string? message = null)
    {
        Sid(id, created);
        Lenv(id, identifier, asked);
        var res = $"[status]\nusid={id}\nsid=42\npid=4242\nstatus={(succeeded ? "Succeeded" : "Failed")}\n"
                  + (message is null ? "" : $"message={message}\n");
        Write(id + ".res", res, finished);
    }

    /// <summary>A job whose worker is this very process (so it is alive), with the service's progress if any.</summary>
    public void Running(string id, DateTime created, DateTime workerStarted, string identifier = "HelloPy", string? asked = null,
        string? progress = null, DateTime? progressWritten = null)
    {
        Sid(id, created);
        Lenv(id, identifier, asked);
        Write(id + ".pid", ProcessIdentity.Of(Environment.ProcessId)!.ToString(), workerStarted);
        if (progress is not null)
            Write(id + ".status", progress, progressWritten ?? workerStarted);
    }

    /// <summary>A job whose recorded worker is gone: this process's pid with another start time.</summary>
    public void Orphaned(string id, DateTime created, string identifier = "HelloPy")
    {
        Sid(id, created);
        Lenv(id, identifier, null);
        var self = ProcessIdentity.Of(Environment.ProcessId)!;
        Write(id + ".pid", new ProcessIdentity(self.Pid, self.StartTime + 1).ToString(), created);
    }

    public void Sid(string id, DateTime created) => Write(id + ".sid", "42", created);

    public void Lenv(string id, string identifier, string? asked) =>
        Write(id + "_lenv.cfg", $"[lenv]\nusid={id}\nIdentifier={identifier}\n" + (asked is null ? "" : $"oIdentifier={asked}\n")
                                + "serviceType=Python\nasync=true\n", DateTime.UtcNow);

    public string Write(string name, string content, DateTime written)
    {
        var path = Path.Combine(tmpPath, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }

    public static DateTime Utc(string rfc3339) =>
        DateTime.Parse(rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
