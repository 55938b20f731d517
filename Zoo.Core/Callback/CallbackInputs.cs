using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.Geo;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;
using Zoo.Core.Wps.Operations;

namespace Zoo.Core.Callback;

/// <summary>
/// What the callback service hears of a job's request: its Execute request as a WPS 2.0.0 document (step 0), and once
/// its inputs are fetched (step 1) the inputs given by reference or published through MapServer (when main.cfg says
/// where MapServer answers), with, when a value given inline was published, the Execute request in which that value
/// is a reference to its WCS or WFS service (rewritten by <c>[callback] template</c>).
/// </summary>
public static class CallbackInputs
{
    /// <summary>
    /// The job's Execute request as a WPS 2.0.0 document, whatever form the client used; null (logged) when its inline
    /// data can no longer be read, for the callback service only informs and the job runs on.
    /// </summary>
    public static string? ExecuteDocumentOf(ExecuteCall call, MainConfig config, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            return ExecuteDocument.Build(call.Request, call.Process.Outputs.Select(o => o.Name).ToList(), config.Limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"callback: the Execute request could not be written for the callback service: {e.Message}");
            return null;
        }
    }

    public static async Task<JsonObject> PayloadAsync(WpsRequestContext context, ExecuteCall call, ServiceRun run, string jobId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(run);
        var mapServer = MapServerSettings.From(context.Config);
        IReadOnlyDictionary<(string Name, int Index), Publication> published = mapServer.Address is null || mapServer.DataPath is null
            ? new Dictionary<(string Name, int Index), Publication>()
            : await new InputPublisher(new OutputPublisher(mapServer, new GeoDataReader()), context.Log)
                .PublishAsync(call.Process, run.Inputs, jobId, cancellationToken).ConfigureAwait(false);
        var rewritten = await RewrittenRequestAsync(context, call, InlinePublished(call, published), cancellationToken).ConfigureAwait(false);
        return StepPayloads.FetchedInputs(run.Inputs, published, rewritten);
    }

    /// <summary>The values given inline that were published, each with the URL of the service that serves its data.</summary>
    private static List<PublishedInput> InlinePublished(ExecuteCall call, IReadOnlyDictionary<(string Name, int Index), Publication> published)
    {
        var inline = new List<PublishedInput>();
        foreach (var ((name, index), publication) in published)
        {
            var values = call.Request.Inputs.Where(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (index < values.Count && values[index].Reference is null)
                inline.Add(new PublishedInput(values[index].Name, index,
                    publication.Url(publication.Kind == GeoDataType.Raster ? OgcService.Wcs : OgcService.Wfs)));
        }
        return inline;
    }

    /// <returns>null when no inline value was published, no template is set, or the rewrite failed (logged).</returns>
    private static async Task<string?> RewrittenRequestAsync(WpsRequestContext context, ExecuteCall call, List<PublishedInput> inline,
        CancellationToken cancellationToken)
    {
        if (inline.Count == 0)
            return null;
        CallbackSettings? settings;
        try
        {
            settings = CallbackSettings.From(context.Config);
        }
        catch (ConfigurationException)
        {
            return null;
        }
        if (settings?.Template is not { } template)
        {
            context.Log.WriteLine("callback: no [callback] template: step 1 carries the Execute request unchanged");
            return null;
        }
        if (ExecuteDocumentOf(call, context.Config, context.Log) is not { } request)
            return null;
        try
        {
            return await new ExecuteRewriter(template, settings.Timeout).RewriteAsync(request, inline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ExecuteRewriteException or IOException)
        {
            context.Log.WriteLine($"callback: the Execute request could not be rewritten: {e.Message}");
            return null;
        }
    }
}
