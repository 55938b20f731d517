using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Zoo.Core.Callback;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Execution;
using Zoo.Core.OgcApi.Execution;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Operations;
using Zoo.Core.Wps.Requests;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.Jobs;

/// <summary>
/// The detached side of an asynchronous Execute (<c>zoo_loader.cgi --worker main.cfg id</c>): runs
/// the saved request, keeps the job's files up to date the way ZOO does, and always ends the job,
/// succeeded or failed, so that no client waits on it forever.
/// </summary>
public sealed class Worker(Func<MainConfig, RunnerCatalog> runners)
{
    /// <param name="requestInput">where the CGI writes the job's request (<see cref="WorkerRequest"/>): the worker's standard input.</param>
    public async Task<int> RunAsync(string configFile, string jobId, Stream requestInput)
    {
        if (!JobId.IsWellFormed(jobId))
            return 2;
        var config = MainConfig.Load(configFile);
        if (config.TmpPath is not { Length: > 0 } tmpPath)
            return 2;
        var store = new JobStore(tmpPath);
        if (!store.Exists(jobId))
            return 2;
        var monitor = new JobMonitor(store);
        var service = store.ServiceName(jobId) ?? "unknown";
        await using var log = new StreamWriter(store.OpenErrorLog(service, jobId)) { AutoFlush = true };
        // The web server's pipes are gone: what the job and its service say goes to ZOO's error log.
        Console.SetError(log);
        if (ProcessIdentity.Of(Environment.ProcessId) is { } self)
            store.MarkRunning(jobId, self);
        // Dismiss asks with SIGTERM: the run is cancelled, so that a runner can stop what it started elsewhere.
        using var dismissal = new CancellationTokenSource();
        using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            dismissal.Cancel();
        });
        CgiRequest cgi;
        try
        {
            cgi = WorkerRequest.Read(requestInput, config.Limits, tmpPath);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or JsonException or BodyTooLargeException)
        {
            await log.WriteLineAsync($"zoo_loader --worker {jobId}: the job's request did not arrive whole: {e.Message}");
            monitor.Fail(jobId, service, "The job's request did not reach its worker.");
            return 1;
        }
        using var body = cgi.Body;
        // Drained once the job has ended, so that a slow callback service never delays what clients see.
        // Console.Error: the job's error log, synchronized, since the sender writes from its own thread.
        await using var sender = CallbackSenders.For(config, service, cgi.Environment, Console.Error);
        var callbacks = new JobCallbacks(sender, jobId);
        try
        {
            var job = new JobIdentity(jobId, Osid(store, jobId), Environment.ProcessId);
            var api = ApiRequest.From(cgi);
            var outcome = api is not null
                ? await ApiJob.RunAsync(api, config, store, job, cgi, log, runners(config), callbacks, dismissal.Token)
                : null;
            var (succeeded, message, document) = outcome is not null
                ? (outcome.Succeeded, outcome.Message, outcome.Document)
                : await RunJobAsync(config, store, job, cgi, log, callbacks, dismissal.Token);
            store.WriteResponse(service, jobId, document);
            store.Finish(jobId, service, succeeded, message);
            if (!succeeded)
                callbacks.Send(CallbackStep.ErrorOrDismiss, CallbackState.Started, StepPayloads.Ended(message ?? "", dismissed: false));
            if (outcome is not null)
                await ApiJob.NotifyAsync(outcome, config, log);
            return succeeded ? 0 : 1;
        }
        catch (OperationCanceledException) when (dismissal.IsCancellationRequested)
        {
            return Fail(monitor, callbacks, jobId, service, JobOperations.DismissedMessage, dismissed: true);
        }
        catch (WpsException e)
        {
            return Fail(monitor, callbacks, jobId, service, e.Errors[0].Text, dismissed: false);
        }
        catch (Exception e)
        {
            // A bug or an operator error: the log says what, the job says it failed.
            await log.WriteLineAsync($"zoo_loader --worker {jobId}: {e}");
            return Fail(monitor, callbacks, jobId, service, "ZOO Kernel failed to process your request.", dismissed: false);
        }
    }

    private static int Fail(JobMonitor monitor, JobCallbacks callbacks, string jobId, string service, string message, bool dismissed)
    {
        monitor.Fail(jobId, service, message);
        callbacks.Send(CallbackStep.ErrorOrDismiss, dismissed ? CallbackState.Ended : CallbackState.Started, StepPayloads.Ended(message, dismissed));
        return 1;
    }

    private static long Osid(JobStore store, string jobId) =>
        long.TryParse(JobStore.ReadSmall(store.SidFile(jobId)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sid) ? sid : 0;

    private async Task<(bool Succeeded, string? Message, string Document)> RunJobAsync(MainConfig config, JobStore store,
        JobIdentity job, CgiRequest cgi, TextWriter log, JobCallbacks callbacks, CancellationToken cancellationToken)
    {
        var jobId = job.Id;
        var request = WpsRequestParser.Parse(cgi, config);
        var context = new WpsRequestContext(request, config, cgi, ServiceUrl.For(cgi, config), log);
        var catalog = runners(config);
        var call = Execute.Read(context, jobId, catalog);
        if (callbacks.IsOn)
            callbacks.Send(CallbackStep.Analyze, CallbackState.Started, StepPayloads.Analyze(CallbackInputs.ExecuteDocumentOf(call, config, log), call.Process.Name));
        var statusLocation = StatusLocation.For(context, call.Process.Name, jobId);
        if (request.Version.IsV1)
            store.WriteResponse(call.Process.Name, jobId, Document(context, call, new ExecuteStatus.Started(0, null), statusLocation));
        try
        {
            var outputs = await Execute.RunAsync(context, call, job, catalog, isAsync: true, cancellationToken, callbacks);
            // The same job's results, for the OGC API's /jobs/{id}/results.
            store.WriteResults(jobId, JsonText.Of(ResultsDocument.Build(outputs)));
            var document = request.Version.IsV1
                ? Document(context, call, new ExecuteStatus.Succeeded(outputs), statusLocation)
                : XmlFormatter.Document(ResultWriter.Build(outputs), config.Encoding);
            return (true, null, document);
        }
        catch (WpsException e)
        {
            var document = request.Version.IsV1
                ? Document(context, call, new ExecuteStatus.Failed(e.Errors), statusLocation)
                : XmlFormatter.Document(ExceptionReportWriter.Build(e.Errors, WpsVersion.V200, request.Language), config.Encoding);
            return (false, e.Errors[0].Text, document);
        }
    }

    private static string Document(WpsRequestContext context, ExecuteCall call, ExecuteStatus status, string statusLocation) =>
        XmlFormatter.Document(ExecuteResponseWriter.Build(call.Identifier, call.Process, status, call.Request,
            context.ServiceUrl, statusLocation, context.Request.Language, DateTimeOffset.UtcNow), context.Config.Encoding);
}
