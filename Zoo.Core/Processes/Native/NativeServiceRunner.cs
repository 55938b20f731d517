using System.Diagnostics;
using Zoo.Core.Jobs;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// Runs serviceType=C services as ZOO does — the shared object named by serviceProvider, next to the .zcfg
/// (or in <c>[main] libPath</c>), its function named after the service — but in a child process
/// (<see cref="NativeServiceHost"/>), so that a service that crashes or hangs fails its own request and nothing else.
/// </summary>
public sealed class NativeServiceRunner(NativeSettings settings, TextWriter log) : IProcessRunner
{
    // Once the child ended and its group was stopped, whatever still holds its pipes escaped the group.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

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
        var group = ProcessIdentity.Of(process.Id);
        var answer = new MemoryStream();
        var output = process.StandardOutput.BaseStream.CopyToAsync(answer, CancellationToken.None);
        var errors = CopyToLogAsync(process.StandardError);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(request, cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child ended before reading its request; its exit status says how.
        }

        if (!await ServiceProcess.WaitAsync(process, group, settings.Timeout, () => Drained(output, errors), cancellationToken))
            return Failure(run, $"The C service {run.Process.Name} did not finish within {settings.Timeout.TotalSeconds} seconds.");
        ServiceProcess.Stop(process, group);
        await Drained(output, errors);
        return Outcome(run, NativeProtocol.ReadAnswer(answer.ToArray()), process.ExitCode);
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

    /// <summary>Stops the child's whole process group: what the service started dies with it.</summary>
    private static async Task Drained(Task output, Task errors) =>
        await Task.WhenAny(Task.WhenAll(output, errors), Task.Delay(DrainGrace));

    /// <summary>What the service prints goes to the server's log, never into an answer.</summary>
    private async Task CopyToLogAsync(StreamReader errors)
    {
        var chunk = new char[4096];
        int read;
        try
        {
            while ((read = await errors.ReadAsync(chunk, CancellationToken.None)) > 0)
                await log.WriteAsync(chunk.AsMemory(0, read));
            await log.FlushAsync();
        }
        catch (IOException)
        {
            // The pipe broke: nothing more to log.
        }
    }

    private static RunOutcome Failure(ServiceRun run, string message) => new(null, run.Conf, run.Outputs, message);
}
