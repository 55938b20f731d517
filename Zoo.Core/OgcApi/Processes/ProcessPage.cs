using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Routing;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// The page of /processes a request asks for: <c>limit</c> (oas.cfg's default when absent, an integer from 1 to its
/// maximum) and <c>skip</c> (an integer from 0), and the links to this page and its neighbours.
/// </summary>
public sealed record ProcessPage(int Limit, int Skip, bool Named)
{
    /// <exception cref="ApiException">a limit or skip that is not such an integer (400).</exception>
    public static ProcessPage From(ApiRequest request, OasConfig oas)
    {
        var limit = request.Query["limit"];
        var skip = request.Query["skip"];
        return new ProcessPage(
            limit is null ? oas.DefaultLimit : QueryInteger.Parse(limit, "limit", 1, oas.MaxLimit),
            skip is null ? 0 : QueryInteger.Parse(skip, "skip", 0, int.MaxValue),
            limit is not null || skip is not null);
    }

    /// <summary>
    /// <c>self</c> (with the paging parameters when the request named them), <c>prev</c> when this page does not start
    /// at the first process, <c>next</c> only when processes remain after it.
    /// </summary>
    public JsonArray Links(ApiContext context, int total)
    {
        var links = new JsonArray(ProcessLinks.Link("self", "this document", Href(context, Named ? Skip : null)));
        if (Skip > 0)
            links.Add((JsonNode)ProcessLinks.Link("prev", "previous page", Href(context, Math.Max(Skip - Limit, 0))));
        if ((long)Skip + Limit < total)
            links.Add((JsonNode)ProcessLinks.Link("next", "next page", Href(context, Skip + Limit)));
        return links;
    }

    private string Href(ApiContext context, int? skip) =>
        skip is { } start
            ? string.Create(CultureInfo.InvariantCulture, $"{context.Href("processes")}?limit={Limit}&skip={start}")
            : context.Href("processes");
}
