using System.Diagnostics;

namespace Zoo.Core.Jobs;

/// <summary>
/// Starts this same executable as <c>--worker</c> for a job, in a session of its own (setsid) and
/// with none of the web server's pipes: the web server sees the CGI's answer end at once, and the
/// worker survives the web server closing them.
/// </summary>
public static class DetachedLauncher
{
    public const string WorkerFlag = "--worker";

    public static void Launch(string configFile, string jobId, string workingDirectory)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the kernel does not know its own path");
        // util-linux's setsid, by path: a CGI's environment may have no PATH at all.
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "setsid";
        var start = new ProcessStartInfo(setsid)
        {
            ArgumentList = { "-f", self, WorkerFlag, configFile, jobId },
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("setsid could not be started");
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        // setsid -f forks the worker and returns at once.
        process.WaitForExit();
    }
}
