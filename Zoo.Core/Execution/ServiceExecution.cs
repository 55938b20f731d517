using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Geo;
using Zoo.Core.Jobs;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;
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
    /// <summary>
    /// Checks the request against its service, fetches its references (each into a file, within its input's
    /// limit), and builds ZOO's maps. Nothing is fetched for a request that the checks refuse.
    /// </summary>
    public static async Task<ServiceRun> PrepareAsync(WpsRequestContext context, ExecuteCall call, JobIdentity job, bool isAsync,
        CancellationToken cancellationToken)
    {
        var (request, process, files) = (call.Request, call.Process, call.Files);
        var outputs = OutputMaps.Build(process, request);
        InputChecks.Check(process, request.Inputs);
        var fetched = await FetchAsync(context, request.Inputs, DeclaredInputs.Of(process), files, cancellationToken);
        RecordCacheEntries(context, job, isAsync, fetched.Values);
        var urls = context.Config.TmpPath is { Length: > 0 } tmpPath ? new OutputStore(tmpPath, context.Config.TmpUrl ?? "", context.ServiceUrl) : null;
        var memoryLoad = string.Equals(context.Config.Main["memory"], "load", StringComparison.OrdinalIgnoreCase);
        var inputs = new InputMaps(files, memoryLoad, urls).Build(process, request.Inputs, fetched);
        var conf = ConfMaps.Build(job, context.Config, call.Entry, process, context.Cgi.Environment, context.Request.Parameters,
            context.ServiceUrl, context.Request.Version.Number, context.Request.Language, isAsync);
        return new ServiceRun(call.Entry, process, conf, inputs, outputs);
    }

    /// <summary>
    /// A job's record of the cache entries its inputs were read from: DeleteData deletes an entry for a job only when
    /// it is there. Only jobs are recorded: a synchronous answer leaves nothing in tmpPath to record it with.
    /// </summary>
    private static void RecordCacheEntries(WpsRequestContext context, JobIdentity job, bool isAsync, IEnumerable<FetchedInput> fetched)
    {
        var entries = fetched.Where(f => f.IsCacheEntry).Select(f => Path.GetFileName(f.Path)).Distinct(StringComparer.Ordinal).ToList();
        if (isAsync && entries.Count > 0 && context.Config.TmpPath is { Length: > 0 } tmpPath)
            new JobStore(tmpPath).WriteCacheEntries(job.Id, entries);
    }

    /// <summary>Fetches every value given by reference; the position of a value among its input's numbers its input file.</summary>
    private static async Task<Dictionary<InputValue, FetchedInput>> FetchAsync(WpsRequestContext context, IReadOnlyList<InputValue> values,
        DeclaredInputs declared, InputFiles files, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<InputValue, FetchedInput>(ReferenceEqualityComparer.Instance);
        var requests = new List<(InputValue Value, ReferenceRequest Request)>();
        foreach (var (name, io) in declared.All)
        {
            var given = values.Where(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            for (var index = 0; index < given.Count; index++)
            {
                if (given[index].Reference is not { } reference)
                    continue;
                var occurrence = index;
                var mimeType = given[index].Attributes["mimeType"] ?? io.Data?.Default?["mimeType"];
                var limit = files.LimitOf(io, name);
                requests.Add((given[index], new ReferenceRequest(reference, limit, () => files.Create(io, name, occurrence, mimeType, limit))));
            }
        }
        if (requests.Count == 0)
            return fetched;
        using var fetcher = new ReferenceFetcher(FetchSettings.From(context.Config, context.Cgi.Environment));
        var contents = await fetcher.FetchAllAsync(requests.Select(r => r.Request).ToList(), cancellationToken);
        for (var i = 0; i < requests.Count; i++)
            fetched[requests[i].Value] = contents[i];
        return fetched;
    }

    /// <summary>
    /// The outputs of a run that succeeded, published through MapServer where their format says so (unless the
    /// answer is raw); a failed run becomes the ExceptionReport ZOO gives.
    /// </summary>
    /// <param name="reads">the GDAL tools <see cref="StartReads"/> started for the outputs to publish, if any.</param>
    public static async Task<IReadOnlyList<ProducedOutput>> FinishAsync(WpsRequestContext context, ProcessDescription process, ServiceRun run,
        RunOutcome outcome, JobIdentity job, bool raw, PublicationReads? reads, CancellationToken cancellationToken)
    {
        var lenv = outcome.Conf["lenv"];
        if (outcome.Failure is { } failure)
            throw new WpsException("NoApplicableCode", null, failure);
        if (outcome.Code != RunOutcome.Succeeded)
            throw ExecuteErrors.ServiceFailed(lenv?.Text("message"), lenv?.Text("code"), lenv?.Text("locator"));
        var store = context.Config.TmpPath is { Length: > 0 } tmpPath
            ? new OutputStore(tmpPath, context.Config.TmpUrl ?? "", context.ServiceUrl)
            : null;
        var publisher = raw ? null : new OutputPublisher(MapServerSettings.From(context.Config), new GeoDataReader());
        return await new OutputCollector(job.Id, store, context.Config.Limits, publisher, reads)
            .CollectAsync(process, run.Outputs, outcome.Outputs, cancellationToken);
    }

    /// <summary>
    /// Starts, for a run whose answer waits for it, the GDAL tool of each output it will publish, so that GDAL
    /// loads while the service runs; null when nothing will be published.
    /// </summary>
    public static PublicationReads? StartReads(ProcessDescription process, ServiceRun run, bool raw)
    {
        var outputs = raw ? [] : OutputCollector.ToPublish(process, run.Outputs).ToList();
        return outputs.Count == 0 ? null : PublicationReads.Start(outputs, new GeoDataReader());
    }
}
