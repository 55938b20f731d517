using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Operations;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Execution;

/// <summary>
/// The steps around a run that do not depend on how the service runs: fetching references and
/// building ZOO's maps before, reading the service's verdict and storing its outputs after.
/// </summary>
public static class ServiceExecution
{
    public static async Task<ServiceRun> PrepareAsync(WpsRequestContext context, ExecuteRequest request, ServiceEntry entry,
        ProcessDescription process, JobIdentity job, bool isAsync, CancellationToken cancellationToken)
    {
        var outputs = OutputMaps.Build(process, request);
        var references = request.Inputs.Where(i => i.Reference is not null).ToList();
        var fetched = new Dictionary<InputValue, FetchedInput>(ReferenceEqualityComparer.Instance);
        if (references.Count > 0)
        {
            using var fetcher = new ReferenceFetcher(FetchSettings.From(context.Config, context.Cgi.Environment));
            var contents = await fetcher.FetchAllAsync(references.Select(r => (r.Reference!, r.Name)).ToList(), cancellationToken);
            for (var i = 0; i < references.Count; i++)
                fetched[references[i]] = contents[i];
        }
        var inputs = InputMaps.Build(process, request.Inputs, fetched);
        var conf = ConfMaps.Build(job, context.Config, entry, process, context.Cgi.Environment, context.Request.Parameters,
            context.ServiceUrl, context.Request.Version.Number, context.Request.Language, isAsync);
        return new ServiceRun(entry, process, conf, inputs, outputs);
    }

    /// <summary>The outputs of a run that succeeded; a failed run becomes the ExceptionReport ZOO gives.</summary>
    public static IReadOnlyList<ProducedOutput> Finish(WpsRequestContext context, ProcessDescription process, ServiceRun run,
        RunOutcome outcome, JobIdentity job)
    {
        var lenv = outcome.Conf["lenv"];
        if (outcome.Failure is { } failure)
            throw new WpsException("NoApplicableCode", null, failure);
        if (outcome.Code != RunOutcome.Succeeded)
            throw ExecuteErrors.ServiceFailed(lenv?.Text("message"), lenv?.Text("code"), lenv?.Text("locator"));
        var store = context.Config.TmpPath is { Length: > 0 } tmpPath
            ? new OutputStore(tmpPath, context.Config.TmpUrl ?? "", context.ServiceUrl)
            : null;
        return OutputCollector.Collect(process, run.Outputs, outcome.Outputs, job.Id, store);
    }
}
