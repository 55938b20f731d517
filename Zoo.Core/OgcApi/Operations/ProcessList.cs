using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.OgcApi.Processes;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.Processes;
using Zoo.Core.Wps;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>
/// GET /processes: the summary of every service (its .zcfg header, as its runner presents it), sorted by identifier,
/// without oas.cfg's hidden processes, one page at a time. The headers come through the same cache as GetCapabilities;
/// a .zcfg that does not parse is logged and left out rather than failing the whole list.
/// </summary>
public static class ProcessList
{
    public static CgiResponse Answer(ApiContext context)
    {
        var page = ProcessPage.From(context.Request, context.Oas);
        var entries = ServiceRegistry.For(context.Config).All().ToList();
        var headers = Headers(context, entries);
        var listed = new List<(string Id, ProcessDescription Header)>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (headers[i] is { } header && entries[i].Prefix + header.Name is var id && !context.Oas.HiddenProcesses.Contains(id))
                listed.Add((id, header));
        }
        listed.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var summaries = new JsonArray();
        foreach (var (id, header) in listed.Skip(page.Skip).Take(page.Limit))
            summaries.Add((JsonNode)ProcessDocument.Summary(context.Runners.Present(header), id, ProcessLinks.Summary(context, id)));
        var document = new JsonObject
        {
            ["processes"] = summaries,
            ["links"] = page.Links(context, listed.Count),
            ["numberTotal"] = listed.Count,
        };
        return JsonResponse.Build(context, 200, document);
    }

    /// <summary>Every header from the cache; when one file is broken, each read on its own so that only that one is left out.</summary>
    private static IReadOnlyList<ProcessDescription?> Headers(ApiContext context, IReadOnlyList<ServiceEntry> entries)
    {
        try
        {
            return ServiceHeaderCache.For(context.Config, context.Log).Headers(entries);
        }
        catch (WpsException)
        {
            return entries.Select(entry => Header(context, entry)).ToList();
        }
    }

    private static ProcessDescription? Header(ApiContext context, ServiceEntry entry)
    {
        try
        {
            return ServiceFiles.Read(entry, headerOnly: true);
        }
        catch (WpsException e)
        {
            context.Log.WriteLine($"zoo_loader: GET /processes: {entry.FilePath} left out: {e.Errors[0].Text}");
            return null;
        }
    }
}
