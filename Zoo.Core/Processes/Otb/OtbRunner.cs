using System.Diagnostics;
using System.Globalization;
using System.Text;
using Zoo.Core.Jobs;

namespace Zoo.Core.Processes.Otb;

/// <summary>
/// Runs serviceType=OTB services here: the Orfeo ToolBox application named by serviceProvider, through the
/// launcher of [otb], with the words <see cref="OtbCommandLine"/> builds for the cluster too (no shell reads
/// them). Each output is written to a file in tmpPath that the output map names as <c>generated_file</c>, so it
/// is stored and published like any service's file. OTB's progress bar becomes the job's status.
/// </summary>
public sealed class OtbRunner(OtbSettings settings, TextWriter log) : IProcessRunner
{
    // util-linux's setsid, by path: the application leads a group of its own, which the timeout kills whole.
    private const string Setsid = "/usr/bin/setsid";

    // The application's last lines, the reason given when it fails: its errors come last.
    private const int TailLines = 10;

    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        var conf = run.Conf;
        var lenv = conf.GetOrAdd("lenv");
        var outputs = new ZooMaps();
        foreach (var (name, map) in run.Outputs)
            outputs.Set(name, map.Copy());
        if (conf["main"]?.Text("tmpPath") is not { Length: > 0 } tmpPath)
            return Failed(run, outputs, "tmpPath is not set in the [main] section of main.cfg: the application writes its outputs there.", "InternalError");
        var usid = lenv.Text("usid") is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        IReadOnlyList<string> words;
        try
        {
            words = OtbCommandLine.Words([run.Process.ServiceProvider ?? run.Process.Name],
                OtbRunInputs.Gather(run, outputs, usid, tmpPath), PlanOutputs(run, outputs, usid, tmpPath));
        }
        catch (OtbValueException e)
        {
            return Failed(run, outputs, e.Message, "InvalidParameterValue", e.InputName);
        }
        catch (ArgumentException e)
        {
            return Failed(run, outputs, $"Unable to build the command line of the application: {e.Message}", "InternalError");
        }
        var status = lenv.Text("async") == "true" ? new JobStore(tmpPath) : null;
        var failure = await RunApplicationAsync(run, words, status is null ? null : p => status.WriteProgress(usid, p, "Running " + words[0]),
            cancellationToken);
        return failure is null ? new RunOutcome(RunOutcome.Succeeded, conf, outputs, null) : Failed(run, outputs, failure, "NoApplicableCode");
    }

    /// <summary>Each output's file in tmpPath, its pixel type given by the input of the same name (ZOO's idiom).</summary>
    private static List<OtbOutput> PlanOutputs(ServiceRun run, ZooMaps outputs, string usid, string tmpPath)
    {
        var planned = new List<OtbOutput>();
        foreach (var (name, map) in outputs)
        {
            // An output asked for without a format is written in its declared default one.
            var mimeType = map.Text("mimeType")
                ?? run.Process.Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))?.Data?.Default?["mimeType"];
            var path = Path.Combine(tmpPath, OtbOutputFile.Name(run.Process.Name, name, usid, mimeType));
            map["generated_file"] = path;
            var pixelType = run.Inputs[name]?["value"] is TextValue text ? text.Text : null;
            planned.Add(new OtbOutput(name, path, pixelType));
        }
        return planned;
    }

    /// <summary>Runs the application to its end; null when it succeeded, else why not.</summary>
    private async Task<string?> RunApplicationAsync(ServiceRun run, IReadOnlyList<string> words, Action<int>? progress,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(File.Exists(Setsid) ? Setsid : "setsid")
        {
            WorkingDirectory = run.Entry.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(settings.Launcher);
        foreach (var word in words)
            start.ArgumentList.Add(word);
        start.Environment["ITK_AUTOLOAD_PATH"] = settings.ApplicationPath;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"Unable to start the Orfeo ToolBox launcher {settings.Launcher}: {e.Message}";
        }
        var group = ProcessIdentity.Of(process.Id);
        var tail = new Queue<string>();
        var reading = Task.WhenAll(
            ReadLinesAsync(process.StandardOutput, tail, progress),
            ReadLinesAsync(process.StandardError, tail, progress));
        if (!await ServiceProcess.WaitAsync(process, group, settings.Timeout, () => reading, cancellationToken))
            return $"The application {words[0]} of the service {run.Process.Name} did not finish within "
                + $"{settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds and was stopped.";
        await reading;
        if (process.ExitCode == 0)
            return null;
        lock (tail)
            return $"The application {words[0]} of the service {run.Process.Name} failed (exit code "
                + $"{process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {string.Join(" ", tail)}";
    }

    /// <summary>
    /// Every line to the server's log; the last ones kept for a failure's message; progress bars (ended by a carriage
    /// return when OTB writes to a terminal, by a newline otherwise) to the status.
    /// </summary>
    private async Task ReadLinesAsync(StreamReader reader, Queue<string> tail, Action<int>? progress)
    {
        var line = new StringBuilder();
        var buffer = new char[4096];
        int read;
        var last = -1;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c is not ('\n' or '\r'))
                {
                    line.Append(c);
                    continue;
                }
                if (line.Length > 0)
                    last = EndLine(line.ToString(), tail, progress, last);
                line.Clear();
            }
        }
        if (line.Length > 0)
            EndLine(line.ToString(), tail, progress, last);
        await log.FlushAsync();
    }

    private int EndLine(string text, Queue<string> tail, Action<int>? progress, int last)
    {
        lock (log)
            log.WriteLine(text);
        if (OtbProgress.Percent(text) is { } percent)
        {
            if (percent != last)
                progress?.Invoke(percent);
            return percent;
        }
        lock (tail)
        {
            tail.Enqueue(text.Trim());
            if (tail.Count > TailLines)
                tail.Dequeue();
        }
        return last;
    }

    private static RunOutcome Failed(ServiceRun run, ZooMaps outputs, string message, string code, string? locator = null)
    {
        var lenv = run.Conf.GetOrAdd("lenv");
        lenv["message"] = message;
        lenv["code"] = code;
        if (locator is not null)
            lenv["locator"] = locator;
        return new RunOutcome(RunOutcome.Failed, run.Conf, outputs, null);
    }
}
