using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Processes.Python;

/// <summary>
/// Runs serviceType=Python services the way ZOO does — the module named by serviceProvider, the
/// function named after the service, called with (conf, inputs, outputs) — in a python3 process of
/// its own running zoo_bridge.py, so that a service that crashes, hangs or prints cannot harm the CGI.
/// </summary>
public sealed class PythonRunner(PythonSettings settings, TextWriter log) : IProcessRunner
{
    private const string BridgeResource = "zoo_bridge.py";


    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        var request = Request(run);
        var start = new ProcessStartInfo(settings.Interpreter)
        {
            ArgumentList = { "-c", BridgeSource() },
            WorkingDirectory = run.Entry.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        SetEnvironment(start, run);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return Failure(run, $"Unable to start the Python interpreter {settings.Interpreter}: {e.Message}");
        }
        // The bridge makes itself the leader of a process group: what the service starts is in it; its normal end
        // ends that group, leaving nothing behind.
        var ended = await ServiceProcess.ExchangeAsync(process, request, settings.Timeout, log, EndedItsGroup, cancellationToken);
        if (ended is not { } exchange)
            return Failure(run, $"The service {run.Process.Name} did not finish within {settings.Timeout.TotalSeconds} seconds.");
        return Outcome(run, exchange.Answer, exchange.ExitCode);
    }

    /// <summary>The exit status of a bridge that killed its own process group: 128 + SIGKILL.</summary>
    private const int EndedItsGroup = 128 + Jobs.ProcessSignals.Kill;

    /// <summary>
    /// The service's environment: the request's (<c>[renv]</c>: the CGI environment, without the credentials
    /// main.cfg does not forward), then main.cfg's <c>[env]</c>, then its module path. Nothing of the kernel's own.
    /// </summary>
    private static void SetEnvironment(ProcessStartInfo start, ServiceRun run)
    {
        start.Environment.Clear();
        foreach (var (key, value) in run.Conf["renv"] ?? new ZooMap())
            start.Environment[key] = value.ToString();
        foreach (var (key, value) in run.Conf["env"] ?? new ZooMap())
            start.Environment[key] = value.ToString();
        if (!start.Environment.ContainsKey("PATH"))
            start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        start.Environment["PYTHONPATH"] = string.Join(':', SearchPath(run));
    }

    private byte[] Request(ServiceRun run)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("module", ModuleName(run));
            writer.WriteString("function", run.Process.Name.Replace('-', '_'));
            writer.WriteStartArray("path");
            foreach (var directory in SearchPath(run))
                writer.WriteStringValue(directory);
            writer.WriteEndArray();
            BridgeProtocol.WriteMaps(writer, "conf", run.Conf);
            BridgeProtocol.WriteMaps(writer, "inputs", run.Inputs);
            BridgeProtocol.WriteMaps(writer, "outputs", run.Outputs);
            if (StatusFile(run) is { } statusFile)
                writer.WriteString("status_file", statusFile);
            else
                writer.WriteNull("status_file");
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static IEnumerable<string> SearchPath(ServiceRun run) =>
        SearchPath(run.Entry.Directory, run.Conf["env"]?.Text("PYTHONPATH"), run.Conf["main"]?.Text("servicePath"), run.Conf["main"]?.Text("libPath"));

    /// <summary>Where a service's module is looked for: its directory, [env] PYTHONPATH, servicePath, libPath.</summary>
    internal static IEnumerable<string> SearchPath(string serviceDirectory, string? pythonPath, string? servicePath, string? libPath)
    {
        var directories = new List<string> { serviceDirectory };
        if (pythonPath is { Length: > 0 })
            directories.AddRange(pythonPath.Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (servicePath is { Length: > 0 })
            directories.Add(servicePath);
        if (libPath is { Length: > 0 })
            directories.Add(libPath);
        return directories.Distinct(StringComparer.Ordinal);
    }

    private static string ModuleName(ServiceRun run) => ModuleName(run.Process);

    /// <summary>The module a service is in: its serviceProvider (<c>.py</c> dropped), else its name.</summary>
    internal static string ModuleName(ProcessDescription process)
    {
        var provider = process.ServiceProvider ?? process.Name;
        return provider.EndsWith(".py", StringComparison.Ordinal) ? provider[..^3] : provider;
    }

    /// <summary>update_status writes ZOO's status file only for a job running in the background.</summary>
    private static string? StatusFile(ServiceRun run)
    {
        var lenv = run.Conf["lenv"];
        if (lenv?.Text("async") != "true" || run.Conf["main"]?.Text("tmpPath") is not { Length: > 0 } tmpPath)
            return null;
        return Path.Combine(tmpPath, lenv.Text("usid") + ".status");
    }

    private static RunOutcome Outcome(ServiceRun run, byte[] stdout, int exitCode)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stdout);
        }
        catch (JsonException)
        {
            // What it printed before it died is in the server's log; it may be anything, so it stays there.
            return Failure(run, $"The service {run.Process.Name} ended without a result (exit code {exitCode}).");
        }
        using (document)
        {
            var root = document.RootElement;
            int? code = root.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number
                ? codeElement.GetInt32()
                : null;
            var conf = root.TryGetProperty("conf", out var confElement) ? BridgeProtocol.ReadMaps(confElement) : run.Conf;
            var outputs = root.TryGetProperty("outputs", out var outputsElement) ? BridgeProtocol.ReadMaps(outputsElement) : run.Outputs;
            string? failure = null;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                failure = error.TryGetProperty("message", out var message) ? message.GetString() : "The Python service failed.";
            return new RunOutcome(code, conf, outputs, failure);
        }
    }

    private static RunOutcome Failure(ServiceRun run, string message) => new(null, run.Conf, run.Outputs, message);

    private static string BridgeSource()
    {
        using var stream = typeof(PythonRunner).Assembly.GetManifestResourceStream(BridgeResource)
                           ?? throw new InvalidOperationException($"{BridgeResource} is not embedded in the kernel");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
