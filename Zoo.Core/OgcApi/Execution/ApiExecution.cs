using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Data;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Operations;
using Zoo.Core.Wps.Requests;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>An OGC API execute request read and matched to its service, in the shape WPS's Execute runs, and how it runs.</summary>
public sealed record ApiExecuteCall(ExecuteCall Call, ExecuteBody Body, ResponseKind Response, bool Async, bool AsyncPreferred);

/// <summary>
/// Turns <c>POST /processes/{id}/execution</c> into the run WPS's Execute makes (the same runners, input checks, fetches
/// and job files), and negotiates how it runs: the standard's rule, from the process's jobControlOptions (as its runner
/// presents it: HPC is async only) and the client's <c>Prefer: respond-async</c> (or ZOO's <c>?mode=async</c>).
/// </summary>
public static class ApiExecution
{
    public static ApiExecuteCall Read(ApiContext context, string identifier, string jobId)
    {
        var entry = ServiceRegistry.For(context.Config).Find(identifier) ?? throw ApiException.NoSuchProcess(identifier);
        var process = context.Runners.Present(ServiceFiles.Read(entry, headerOnly: false));
        var body = JsonExecuteReader.Read(context.Cgi.Body, identifier, process, context.Config.Limits);
        var options = ProcessAttributes.ApiJobControlOptions(process).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var canSync = options.Contains("sync-execute");
        var canAsync = options.Contains("async-execute");
        var prefer = context.Cgi.Variable("HTTP_PREFER") ?? "";
        var preferred = prefer.Contains("respond-async", StringComparison.OrdinalIgnoreCase)
                        || string.Equals(context.Request.Query["mode"], "async", StringComparison.OrdinalIgnoreCase);
        if (!canSync && !canAsync)
            throw new ApiException("NoSuchMode", 400, $"The process {identifier} offers neither synchronous nor asynchronous execution.");
        var async = canAsync && (preferred || !canSync);
        var response = body.Response
                       ?? (prefer.Contains("return=representation", StringComparison.OrdinalIgnoreCase) ? ResponseKind.Document
                           : prefer.Contains("return=minimal", StringComparison.OrdinalIgnoreCase) ? ResponseKind.Raw
                           : context.Oas.DefaultResultAsDocument ? ResponseKind.Document : ResponseKind.Raw);
        var request = body.Request with
        {
            Response = response,
            Mode = async ? ExecutionMode.Async : ExecutionMode.Sync,
            Status = async,
        };
        var call = new ExecuteCall(identifier, entry, process, request, InputFiles.For(context.Config, jobId));
        return new ApiExecuteCall(call, body, response, async, preferred && async);
    }

    /// <summary>The context WPS's Execute runs in, for a run started through the OGC API (WPS 2.0.0's conventions).</summary>
    public static WpsRequestContext WpsContext(ApiContext context, string identifier) =>
        new(new WpsRequest("Execute", WpsVersion.V200, context.Config.DefaultLanguage,
                new ConfigValues([KeyValuePair.Create("Identifier", identifier)]), null),
            context.Config, context.Cgi, ServiceUrl.For(context.Cgi, context.Config), context.Log);
}
