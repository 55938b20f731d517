using Zoo.Core.Callback;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Jobs;
using Zoo.Core.Processes;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Wps.Operations;

/// <summary>An Execute request read and matched to its service, with where its inputs' data lies.</summary>
public sealed record ExecuteCall(string Identifier, ServiceEntry Entry, ProcessDescription Process, ExecuteRequest Request, InputFiles Files);

/// <summary>
/// Execute: finds the service, reads the request (KVP 1.0.0, or XML in either version), and either
/// runs it here and answers with its outputs, or hands it to a detached worker and answers at once.
/// </summary>
public static class Execute
{
    public static async Task<OperationAnswer> HandleAsync(WpsRequestContext context, RunnerCatalog runners,
        CancellationToken cancellationToken)
    {
        if (GetStatusService.Handles(context))
            return GetStatusService.Answer(context);
        var job = JobIdentity.New();
        var call = Read(context, job.Id, runners);
        if (RunsAsynchronously(call, context.Request.Version))
            return AsyncExecution.Accept(context, call, job);
        try
        {
            if (!ProcessAttributes.JobControlOptions(call.Process).Split(' ').Contains("sync-execute"))
                throw ExecuteErrors.SynchronousNotSupported(call.Process.Name);
            var outputs = await RunAsync(context, call, job, runners, isAsync: false, cancellationToken);
            return Answer(context, call, job, outputs);
        }
        finally
        {
            // The run is over: its input files go with it (an asynchronous job keeps them with its other files).
            call.Files.DeleteAll();
        }
    }

    /// <summary>Reads the request and checks it against its service, as ZOO does before running anything.</summary>
    /// <param name="jobId">names the input files of the data the request gives by value.</param>
    public static ExecuteCall Read(WpsRequestContext context, string jobId, RunnerCatalog runners)
    {
        var wps = context.Request;
        var identifier = wps.Identifiers.FirstOrDefault() ?? "";
        if (wps.Xml is null && !wps.Version.IsV1)
            throw ExecuteErrors.ExecuteOverGet();
        var entry = ServiceRegistry.For(context.Config).Find(identifier) ?? throw ExecuteErrors.UnknownProcess(identifier);
        var process = runners.Present(ServiceFiles.Read(entry, headerOnly: false));
        var files = InputFiles.For(context.Config, jobId);
        ExecuteRequest request;
        try
        {
            request = ReadRequest(context, identifier, process, files);
        }
        catch
        {
            files.DeleteAll();
            throw;
        }
        if (wps.Version.IsV1 && request.Status && !request.StoreExecuteResponse)
        {
            files.DeleteAll();
            throw ExecuteErrors.StatusWithoutStore();
        }
        return new ExecuteCall(identifier, entry, process, request, files);
    }

    /// <param name="process">the service, whose declarations say how each input is read; null reads every input as a literal.</param>
    public static ExecuteRequest ReadRequest(WpsRequestContext context, string identifier, ProcessDescription? process, InputFiles files)
    {
        var declared = DeclaredInputs.Of(process);
        return context.Request.Xml is not null
            ? XmlExecuteReader.Read(context.Cgi.Body, context.Request.Version, identifier, declared.Find, files)
            : KvpExecuteReader.Read(context.Request.Parameters, identifier, context.Config.Limits);
    }

    /// <summary>
    /// 1.0.0: status=true. 2.0.0: mode=async, refused (NoSuchMode) when the .zcfg allows only another
    /// mode; mode=auto runs asynchronously when the .zcfg says async (ZOO inverts this; we do not).
    /// </summary>
    public static bool RunsAsynchronously(ExecuteCall call, WpsVersion version)
    {
        var declared = call.Process.Keys["mode"];
        return call.Request.Mode switch
        {
            ExecutionMode.Async when declared is null || declared.Equals("async", StringComparison.OrdinalIgnoreCase) => true,
            ExecutionMode.Async => throw ExecuteErrors.NoSuchMode(declared),
            ExecutionMode.Auto => string.Equals(declared, "async", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Runs the service and collects its outputs; a failure is the WpsException ZOO reports.</summary>
    /// <param name="callbacks">whom to tell about the run's steps: an asynchronous job's callback service, if any.</param>
    public static async Task<IReadOnlyList<ProducedOutput>> RunAsync(WpsRequestContext context, ExecuteCall call, JobIdentity job,
        RunnerCatalog runners, bool isAsync, CancellationToken cancellationToken, JobCallbacks? callbacks = null)
    {
        callbacks ??= JobCallbacks.None;
        var runner = runners.Find(call.Process.ServiceType) ?? throw ExecuteErrors.UnsupportedServiceType(call.Process.ServiceType);
        callbacks.Send(CallbackStep.FetchingInputs, CallbackState.Started);
        var run = await ServiceExecution.PrepareAsync(context, call, job, isAsync, cancellationToken) with { Callbacks = callbacks };
        if (callbacks.IsOn)
            callbacks.Send(CallbackStep.FetchingInputs, CallbackState.Ended,
                await CallbackInputs.PayloadAsync(context, call, run, job.Id, cancellationToken));
        // ZOO keeps a job's whole [lenv] in <id>_lenv.cfg, where tools made for ZOO read it.
        if (isAsync && context.Config.TmpPath is { Length: > 0 } tmpPath && run.Conf["lenv"] is { } lenv)
            new JobStore(tmpPath).WriteLenv(job.Id, lenv.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString() ?? "")));
        var raw = call.Request.Response == ResponseKind.Raw;
        // A synchronous answer waits for the publication, so its GDAL tools start with the run; a job's would wait as
        // long as the job, so its runner starts them when its outputs are near.
        var reads = isAsync ? null : ServiceExecution.StartReads(call.Process, run, raw);
        try
        {
            var outcome = await runner.RunAsync(run with { OutputsNear = () => reads ??= ServiceExecution.StartReads(call.Process, run, raw) },
                cancellationToken);
            var outputs = await ServiceExecution.FinishAsync(context, call.Process, run, outcome, job, raw, reads, cancellationToken);
            if (callbacks.IsOn)
            {
                callbacks.Send(CallbackStep.DownloadingOutputs, CallbackState.Ended, StepPayloads.Outputs(outputs));
                callbacks.Send(CallbackStep.Finalize, CallbackState.Started, StepPayloads.Finalize(callbacks.FinalizeFacts));
            }
            return outputs;
        }
        finally
        {
            reads?.Dispose();
        }
    }

    /// <summary>The answer of a run that succeeded: raw, a 2.0.0 Result, or a 1.0.0 ExecuteResponse.</summary>
    public static OperationAnswer Answer(WpsRequestContext context, ExecuteCall call, JobIdentity job,
        IReadOnlyList<ProducedOutput> outputs)
    {
        var wps = context.Request;
        if (call.Request.Response == ResponseKind.Raw)
            return new OperationAnswer.Raw(RawOutputWriter.Build(RawOutput(call.Request, outputs), context.Config.Encoding,
                context.Config.ExtraHeaders,
                context.Config.Headers["status"] ?? "200 OK"));
        if (!wps.Version.IsV1)
            return new OperationAnswer.Document(ResultWriter.Build(outputs));
        var stored = call.Request.StoreExecuteResponse ? StatusLocation.For(context, call.Process.Name, job.Id) : null;
        var document = ExecuteResponseWriter.Build(call.Entry.Prefix + call.Process.Name, call.Process,
            new ExecuteStatus.Succeeded(outputs), call.Request, context.ServiceUrl, stored, wps.Language, DateTimeOffset.UtcNow);
        if (stored is not null && context.Config.TmpPath is { Length: > 0 } tmpPath)
            StoreFinishedJob(new JobStore(tmpPath), call, job, Xml.XmlFormatter.Document(document, context.Config.Encoding));
        return new OperationAnswer.Document(document);
    }

    /// <summary>A stored synchronous answer is a finished job, so that its statusLocation (GetStatus) finds it.</summary>
    private static void StoreFinishedJob(JobStore store, ExecuteCall call, JobIdentity job, string document)
    {
        store.Create(job.Id, job.Osid);
        store.WriteLenv(job.Id, JobLenv(call, job.Id, isAsync: false));
        store.WriteResponse(call.Process.Name, job.Id, document);
        store.Finish(job.Id, call.Process.Name, succeeded: true, message: null);
    }

    /// <summary>What a job's lenv file says before its run fills the rest: enough to find its files.</summary>
    public static KeyValuePair<string, string>[] JobLenv(ExecuteCall call, string id, bool isAsync) =>
    [
        new("usid", id), new("Identifier", call.Process.Name), new("oIdentifier", call.Identifier),
        new("serviceType", call.Process.ServiceType ?? ""), new("async", isAsync ? "true" : "false"),
    ];

    /// <summary>The output a raw answer sends: the one named (an inner output sends its output's data), else the first.</summary>
    private static ProducedOutput RawOutput(ExecuteRequest request, IReadOnlyList<ProducedOutput> outputs)
    {
        var name = request.Outputs.FirstOrDefault()?.Name;
        if (name is not null && !outputs.Any(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) && name.IndexOf('.') is var dot and > 0)
            name = name[..dot];
        return (name is null ? outputs.FirstOrDefault() : outputs.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
               ?? throw ExecuteErrors.RawOutputMissing(name ?? "");
    }
}
