using System.Globalization;
using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// The standard's statusInfo document of a job, in ZOO's key order: <c>progress</c>, <c>id</c> (ZOO's own copy of
/// <c>jobID</c>, which its clients read), <c>jobID</c>, <c>type</c>, <c>processID</c>, the times, <c>status</c>,
/// <c>message</c>, <c>links</c>. <c>monitor</c> is ZOO's rel for the status link; <c>self</c> is the standard's.
/// </summary>
public static class StatusInfo
{
    public const string ResultsSection = "/jobs/{jobID}/results";
    public const string DefaultResultsRel = "http://www.opengis.net/def/rel/ogc/1.0/results";

    public static JsonObject Build(ApiContext context, JobView job)
    {
        var document = new JsonObject();
        if (job.Progress is { } progress)
            document["progress"] = progress;
        document["id"] = job.Id;
        document["jobID"] = job.Id;
        document["type"] = "process";
        if (job.ProcessId is { } processId)
            document["processID"] = processId;
        document["created"] = Time(job.Created);
        if (job.Started is { } started)
            document["started"] = Time(started);
        if (job.Finished is { } finished)
            document["finished"] = Time(finished);
        if (job.Updated is { } updated)
            document["updated"] = Time(updated);
        document["status"] = job.StatusName;
        document["message"] = job.Message;
        document["links"] = Links(context, job);
        return document;
    }

    /// <summary>RFC 3339 in UTC, to the second.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Links(ApiContext context, JobView job)
    {
        var status = context.Href("jobs", job.Id);
        var links = new JsonArray(Link("Status location", "self", status), Link("Status location", "monitor", status));
        if (job.Status == JobStatusCode.Successful)
            links.Add((JsonNode)Link("Result location", context.Oas.Document[ResultsSection].Get("rel", DefaultResultsRel),
                context.Href("jobs", job.Id, "results")));
        return links;
    }

    public static JsonObject Link(string title, string rel, string href) => new()
    {
        ["title"] = title,
        ["rel"] = rel,
        ["type"] = "application/json",
        ["href"] = href,
    };
}
