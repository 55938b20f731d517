using System.Diagnostics;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// Runs serviceType=C services as ZOO does — the shared object named by serviceProvider, next to the .zcfg
/// (or in <c>[main] libPath</c>), its function named after the service — but in a child process
/// (<see cref="NativeServiceHost"/>), so that a service that crashes or hangs fails its own request and nothing else.
/// </summary>
public sealed class NativeServiceRunner(NativeSettings settings, TextWriter log) : IProcessRunner
{
    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (Library(run) is not { } library)
            return Failure(run, $"The serviceProvider of {run.Process.Name} must name a file in its service directory.");
        var request = NativeProtocol.Request(new NativeService(library, run.Process.Name), run.Conf, run.Inputs, run.Outputs);

        var start = new ProcessStartInfo(settings.Host)
        {
            ArgumentList = { NativeServiceHost.Flag },
            WorkingDirectory = run.Entry.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in run.Conf["env"] ?? new ZooMap())
            start.Environment[key] = value.ToString();

        using var process = new Process { StartInfo = start };
        process.Start();
        var ended = await ServiceProcess.ExchangeAsync(process, request, settings.Timeout, log, endedItsGroup: null, cancellationToken);
        if (ended is not { } exchange)
            return Failure(run, $"The C service {run.Process.Name} did not finish within {settings.Timeout.TotalSeconds} seconds.");
        return Outcome(run, NativeProtocol.ReadAnswer(exchange.Answer), exchange.ExitCode);
    }

    /// <summary>The shared object, when serviceProvider names a plain file name (never a path out of its directory).</summary>
    private static string? Library(ServiceRun run)
    {
        var provider = run.Process.ServiceProvider;
        if (string.IsNullOrEmpty(provider) || provider.Contains('/') || provider.Contains('\\') || provider is "." or "..")
            return null;
        var directory = run.Conf["main"]?.Text("libPath") is { Length: > 0 } libPath ? libPath : run.Entry.Directory;
        return Path.Combine(directory, provider);
    }

    private static RunOutcome Outcome(ServiceRun run, NativeCallResult? answer, int exitCode) => answer switch
    {
        null => Failure(run, $"The C service {run.Process.Name} ({run.Process.ServiceProvider}) ended without a result: {ExitDescription.Of(exitCode)}."),
        { Failure: { } failure } => Failure(run, failure),
        _ => new RunOutcome(answer.Code, answer.Conf, answer.Outputs, null),
    };

    private static RunOutcome Failure(ServiceRun run, string message) => new(null, run.Conf, run.Outputs, message);
}
