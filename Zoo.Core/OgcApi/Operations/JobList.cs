using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Jobs;
using Zoo.Core.OgcApi.Jobs;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>
/// <c>GET /jobs</c>: every job of tmpPath (those started through WPS too), newest first, filtered, one page of them,
/// with <c>numberTotal</c> the number that matched and <c>prev</c>/<c>next</c> links that keep the filters.
/// </summary>
public static class JobList
{
    public static CgiResponse Answer(ApiContext context)
    {
        var query = JobQuery.From(context.Request.Query, context.Oas);
        var jobs = context.Config.TmpPath is { Length: > 0 } tmpPath ? JobCatalog.All(new JobStore(tmpPath)) : [];
        return JsonResponse.Build(context, 200, Document(context, query, jobs, DateTime.UtcNow));
    }

    /// <param name="jobs">every job, in the list's order.</param>
    /// <param name="now">the time a job that has not ended is measured to.</param>
    public static JsonObject Document(ApiContext context, JobQuery query, IReadOnlyList<JobView> jobs, DateTime now)
    {
        var matched = jobs.Where(job => query.Matches(job, now)).ToList();
        var page = new JsonArray();
        foreach (var job in matched.Skip(query.Skip).Take(query.Limit))
            page.Add((JsonNode)StatusInfo.Build(context, job));
        var links = new JsonArray(StatusInfo.Link("The job list", "self", Href(context, query.Given)));
        if (query.Skip > 0)
            links.Add((JsonNode)StatusInfo.Link("The previous page", "prev", Href(context, Page(query, Math.Max(0, query.Skip - query.Limit)))));
        if ((long)query.Skip + query.Limit < matched.Count)
            links.Add((JsonNode)StatusInfo.Link("The next page", "next", Href(context, Page(query, query.Skip + query.Limit))));
        return new JsonObject
        {
            ["jobs"] = page,
            ["links"] = links,
            ["numberTotal"] = matched.Count,
        };
    }

    private static List<KeyValuePair<string, string>> Page(JobQuery query, int skip) =>
    [
        .. query.Filters,
        KeyValuePair.Create("limit", query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        KeyValuePair.Create("skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static string Href(ApiContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var href = new StringBuilder(context.Href("jobs"));
        for (var i = 0; i < parameters.Count; i++)
            href.Append(i == 0 ? '?' : '&').Append(parameters[i].Key).Append('=').Append(Escape(parameters[i].Value));
        return href.ToString();
    }

    /// <summary>Percent-encodes a value, leaving the characters a query may hold as they are (commas, colons, slashes), for readable links.</summary>
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",").Replace("%3A", ":").Replace("%2F", "/");
}
