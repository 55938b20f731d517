using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Routing;

namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// The parameters of <c>GET /jobs</c> (the standard's job-list class): the page (<c>limit</c>, <c>skip</c>) and the
/// filters, each checked. An empty value counts as absent, as HTML forms send their empty fields.
/// </summary>
/// <param name="Filters">the filter parameters as the client gave them, which the paging links carry on.</param>
/// <param name="Given">every parameter of the job list the client gave (the filters, then limit and skip), for the self link.</param>
public sealed record JobQuery(
    int Limit,
    int Skip,
    IReadOnlySet<string>? ProcessIds,
    IReadOnlySet<string>? Statuses,
    IReadOnlySet<string>? Types,
    TimeInterval? Created,
    long? MinDuration,
    long? MaxDuration,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    IReadOnlyList<KeyValuePair<string, string>> Given)
{
    public const string JobType = "process";

    private static readonly string[] FilterNames = ["processID", "status", "type", "datetime", "minDuration", "maxDuration"];
    private static readonly string[] StatusNames = ["accepted", "running", "successful", "failed", "dismissed"];

    /// <exception cref="ApiException">InvalidQueryParameterValue: a value out of its range or not of its kind.</exception>
    public static JobQuery From(ConfigValues query, OasConfig oas)
    {
        var limit = Integer(query, "limit", 1, oas.MaxLimit);
        var statuses = List(query, "status");
        if (statuses?.FirstOrDefault(s => !StatusNames.Contains(s)) is { } unknown)
            throw ApiException.InvalidQuery(
                $"The value '{unknown}' of the parameter status is not one of accepted, running, successful, failed, dismissed.");
        var skip = Integer(query, "skip", 0, int.MaxValue);
        return new JobQuery(
            limit ?? oas.DefaultLimit,
            skip ?? 0,
            List(query, "processID"),
            statuses,
            List(query, "type"),
            Value(query, "datetime") is { } datetime ? TimeInterval.Parse(datetime) : null,
            Integer(query, "minDuration", 0, int.MaxValue),
            Integer(query, "maxDuration", 0, int.MaxValue),
            Present(query, FilterNames),
            Present(query, [.. FilterNames, "limit", "skip"]));
    }

    /// <param name="now">the time a job that has not ended is measured to.</param>
    public bool Matches(JobView job, DateTime now)
    {
        if (ProcessIds is not null && (job.ProcessId is null || !ProcessIds.Contains(job.ProcessId)))
            return false;
        if (Statuses is not null && !Statuses.Contains(job.StatusName))
            return false;
        if (Types is not null && !Types.Contains(JobType))
            return false;
        if (Created is not null && !Created.Contains(job.Created))
            return false;
        var seconds = (long)Math.Floor(job.Duration(now).TotalSeconds);
        return (MinDuration is null || seconds >= MinDuration) && (MaxDuration is null || seconds <= MaxDuration);
    }

    private static List<KeyValuePair<string, string>> Present(ConfigValues query, string[] names) =>
        names.Where(name => Value(query, name) is not null).Select(name => KeyValuePair.Create(name, Value(query, name)!)).ToList();

    private static string? Value(ConfigValues query, string name) => query[name] is { Length: > 0 } value ? value : null;

    private static HashSet<string>? List(ConfigValues query, string name) =>
        Value(query, name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static int? Integer(ConfigValues query, string name, int min, int max) =>
        Value(query, name) is { } text ? QueryInteger.Parse(text, name, min, max) : null;
}
