using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// The links of a process: in the list, one to its description (its rel from oas.cfg's <c>[processes/{processID}] rel</c>,
/// <c>self</c> by default); in its description, itself and its execute endpoint (rel from
/// <c>[processes/{processID}/execution] rel</c>, the standard's execute relation by default). JSON only: no HTML is built.
/// </summary>
public static class ProcessLinks
{
    public const string ExecuteRel = "http://www.opengis.net/def/rel/ogc/1.0/execute";

    public static JsonArray Summary(ApiContext context, string id) =>
        new(Link(Rel(context, "processes/{processID}", "self"), "Process Description", context.Href("processes", id)));

    public static JsonArray Description(ApiContext context, string id) => new(
        Link("self", "Process Description", context.Href("processes", id)),
        Link(Rel(context, "processes/{processID}/execution", ExecuteRel), "Execute End Point", context.Href("processes", id, "execution")));

    private static string Rel(ApiContext context, string section, string fallback) =>
        context.Oas.Document[section]["rel"] is { Length: > 0 } rel ? rel : fallback;

    public static JsonObject Link(string rel, string title, string href) => new()
    {
        ["rel"] = rel,
        ["type"] = "application/json",
        ["title"] = title,
        ["href"] = href,
    };
}
