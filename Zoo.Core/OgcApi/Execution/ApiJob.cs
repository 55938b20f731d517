using System.Text.Json.Nodes;
using Zoo.Core.Callback;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Execution;
using Zoo.Core.Jobs;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Operations;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>The end of a job started through the OGC API: its WPS document, and what its subscriber is told once the job's end is recorded.</summary>
public sealed record ApiJobOutcome(bool Succeeded, string? Message, string Document, Uri? NoticeUri, JsonNode Notice, string NoticeKind);

/// <summary>
/// The worker's side of an OGC API job: reads the request again as the CGI did, runs it as WPS's Execute does, and
/// stores both answers (the results document or exception in <c>&lt;id&gt;.json</c>, the WPS 2.0.0 Result or
/// ExceptionReport for GetResult), so that each API reads the job's results.
/// </summary>
public static class ApiJob
{
    public static async Task<ApiJobOutcome> RunAsync(ApiRequest request, MainConfig config, JobStore store, JobIdentity job,
        CgiRequest cgi, TextWriter log, RunnerCatalog runners, JobCallbacks callbacks, CancellationToken cancellationToken)
    {
        if (request.Segments is not ["processes", var identifier, "execution"])
            throw new InvalidOperationException($"an OGC API job for {request.Path}");
        var oas = OasConfig.Load(config, cgi.Variable("SERVICES_NAMESPACE"));
        var context = new ApiContext(request, config, oas, cgi, log, runners);
        var execution = ApiExecution.Read(context, identifier, job.Id);
        var subscriber = execution.Body.Subscriber;
        using var notifier = new SubscriberNotifier(config.Limits.CallbackTimeout, log);
        var started = notifier.NotifyAsync(subscriber.InProgressUri, JobStatus.Document(context, job.Id), "inProgress");
        try
        {
            var outputs = await Wps.Operations.Execute.RunAsync(ApiExecution.WpsContext(context, identifier), execution.Call, job, runners,
                isAsync: true, cancellationToken, callbacks);
            var results = ResultsDocument.Build(outputs);
            store.WriteResults(job.Id, JsonText.Of(results));
            return new ApiJobOutcome(true, null, XmlFormatter.Document(ResultWriter.Build(outputs), config.Encoding),
                subscriber.SuccessUri, results, "success");
        }
        catch (WpsException e)
        {
            var error = e.Errors[0];
            var problem = ProblemDocument.Build(error.Code, ProblemDocument.StatusOf(error.Code), error.Text, oas, null);
            store.WriteResults(job.Id, JsonText.Of(problem));
            return new ApiJobOutcome(false, error.Text,
                XmlFormatter.Document(ExceptionReportWriter.Build(e.Errors, WpsVersion.V200, config.DefaultLanguage), config.Encoding),
                subscriber.FailedUri, problem, "failed");
        }
        finally
        {
            await started.ConfigureAwait(false);
        }
    }

    /// <summary>Tells the subscriber how the job ended; called once the job's files say so.</summary>
    public static async Task NotifyAsync(ApiJobOutcome outcome, MainConfig config, TextWriter log)
    {
        using var notifier = new SubscriberNotifier(config.Limits.CallbackTimeout, log);
        await notifier.NotifyAsync(outcome.NoticeUri, outcome.Notice, outcome.NoticeKind).ConfigureAwait(false);
    }
}
