using System.Diagnostics;

namespace Zoo.Core.Jobs;

/// <summary>
/// Starts this same executable as <c>--worker</c> for a job, in a session of its own (setsid, which execs in
/// place, so the worker keeps the pid the CGI sees) and with none of the web server's pipes: the web server sees
/// the CGI's answer end at once, and the worker survives the web server closing them. Its environment is only
/// PATH: what the job needs of the request comes through its standard input (<see cref="WorkerRequest"/>).
/// </summary>
public static class DetachedLauncher
{
    public const string WorkerFlag = "--worker";

    private const string DefaultPath = "/usr/local/bin:/usr/bin:/bin";

    /// <summary>A started worker: who it is, and its standard input, for the job's request.</summary>
    public sealed record Started(ProcessIdentity Identity, Stream Input);

    public static Started Launch(string configFile, string jobId, string workingDirectory)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the kernel does not know its own path");
        // util-linux's setsid, by path: a CGI's environment may have no PATH at all.
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "setsid";
        var start = new ProcessStartInfo(setsid)
        {
            ArgumentList = { self, WorkerFlag, configFile, jobId },
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } path ? path : DefaultPath;
        var process = Process.Start(start) ?? throw new InvalidOperationException("setsid could not be started");
        process.StandardOutput.Close();
        process.StandardError.Close();
        var identity = ProcessIdentity.Of(process.Id) ?? throw new InvalidOperationException("the worker ended as it started");
        return new Started(identity, process.StandardInput.BaseStream);
    }
}
