using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Processes;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Wps.Operations;

/// <summary>
/// Execute: finds the service, reads the request (KVP 1.0.0, or XML in either version), runs the
/// service through the runner of its serviceType and answers with the outputs, as a document or raw.
/// </summary>
public static class Execute
{
    public static async Task<OperationAnswer> HandleAsync(WpsRequestContext context, RunnerCatalog runners,
        CancellationToken cancellationToken)
    {
        var wps = context.Request;
        var identifier = wps.Identifiers.FirstOrDefault() ?? "";
        if (wps.Xml is null && !wps.Version.IsV1)
            throw ExecuteErrors.ExecuteOverGet();
        var entry = ServiceRegistry.For(context.Config).Find(identifier) ?? throw ExecuteErrors.UnknownProcess(identifier);
        var process = ServiceFiles.Read(entry, headerOnly: false);
        var request = wps.Xml is { } xml
            ? XmlExecuteReader.Read(xml.Operation, wps.Version, identifier)
            : KvpExecuteReader.Read(wps.Parameters, identifier);
        if (wps.Version.IsV1 && request.Status && !request.StoreExecuteResponse)
            throw ExecuteErrors.StatusWithoutStore();
        if (request.Mode != ExecutionMode.Sync)
            throw new WpsException("NoApplicableCode", null, "Asynchronous execution is not available on this server yet.");

        var runner = runners.Find(process.ServiceType) ?? throw ExecuteErrors.UnsupportedServiceType(process.ServiceType);
        var job = JobIdentity.New();
        var run = await ServiceExecution.PrepareAsync(context, request, entry, process, job, isAsync: false, cancellationToken);
        var outcome = await runner.RunAsync(run, cancellationToken);
        var outputs = ServiceExecution.Finish(context, process, run, outcome, job);

        if (request.Response == ResponseKind.Raw)
            return new OperationAnswer.Raw(RawOutputWriter.Build(RawOutput(request, outputs), context.Config.Encoding,
                context.Config.Headers.Where(h => !h.Key.Equals("status", StringComparison.OrdinalIgnoreCase)),
                context.Config.Headers["status"] ?? "200 OK"));
        if (!wps.Version.IsV1)
            return new OperationAnswer.Document(ResultWriter.Build(outputs));
        var stored = request.StoreExecuteResponse ? StoredResponse(context, process, job) : null;
        var document = ExecuteResponseWriter.Build(entry.Prefix + process.Name, process, new ExecuteStatus.Succeeded(outputs),
            request, context.ServiceUrl, stored?.Url, wps.Language, DateTimeOffset.UtcNow);
        stored?.Store.Store(stored.Value.Name, System.Text.Encoding.UTF8.GetBytes(Xml.XmlFormatter.Document(document, context.Config.Encoding)));
        return new OperationAnswer.Document(document);
    }

    /// <summary>
    /// With storeExecuteResponse, ZOO also keeps the answer as <c>&lt;Service&gt;_&lt;usid&gt;.xml</c> in tmpPath
    /// and points statusLocation at it.
    /// </summary>
    private static (OutputStore Store, string Name, string Url)? StoredResponse(WpsRequestContext context,
        Configuration.Zcfg.ProcessDescription process, JobIdentity job)
    {
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath)
            return null;
        var store = new OutputStore(tmpPath, context.Config.TmpUrl ?? "", context.ServiceUrl);
        var name = $"{process.Name}_{job.Id}.xml";
        return (store, name, store.UrlOf(name));
    }

    /// <summary>The output a raw answer sends: the one named, else the first.</summary>
    private static ProducedOutput RawOutput(ExecuteRequest request, IReadOnlyList<ProducedOutput> outputs)
    {
        var name = request.Outputs.FirstOrDefault()?.Name;
        return (name is null ? outputs.FirstOrDefault() : outputs.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
               ?? throw ExecuteErrors.RawOutputMissing(name ?? "");
    }
}
