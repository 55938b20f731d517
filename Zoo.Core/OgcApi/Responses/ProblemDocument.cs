using System.Text.Json.Nodes;
using Zoo.Core.OgcApi.Configuration;

namespace Zoo.Core.OgcApi.Responses;

/// <summary>
/// The exception document (RFC 7807's shape, as the standard's exception.yaml has it): <c>type</c> is the standard's
/// URI for the codes it defines, the bare ZOO code otherwise (clients switch on it), <c>title</c> the code,
/// <c>status</c> the HTTP status, <c>detail</c> what went wrong, <c>instance</c> the path asked.
/// </summary>
public static class ProblemDocument
{
    private static readonly Dictionary<string, string> Part1Slugs = new(StringComparer.Ordinal)
    {
        ["NoSuchProcess"] = "no-such-process",
        ["NoSuchJob"] = "no-such-job",
        ["ResultNotReady"] = "result-not-ready",
        ["InvalidQueryParameterValue"] = "invalid-query-parameter-value",
        ["NoSuchOutput"] = "no-such-output",
    };

    private static readonly Dictionary<string, string> Part2Slugs = new(StringComparer.Ordinal)
    {
        ["DuplicatedProcess"] = "duplicated-process",
        ["ImmutableProcess"] = "immutable-process",
        ["UnsupportedMediaType"] = "unsupported-media-type",
        ["WorkflowNotFound"] = "workflow-not-found",
    };

    public static JsonObject Build(string code, int status, string detail, OasConfig oas, string? instance)
    {
        var document = new JsonObject
        {
            ["type"] = TypeOf(code, oas),
            ["title"] = code,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (instance is not null)
            document["instance"] = instance;
        return document;
    }

    public static string TypeOf(string code, OasConfig oas) =>
        Part1Slugs.TryGetValue(code, out var slug) ? $"{oas.ExceptionsUrl.TrimEnd('/')}/{slug}"
        : Part2Slugs.TryGetValue(code, out var slug2) ? $"{oas.ExceptionsUrlPart2.TrimEnd('/')}/{slug2}"
        : code;

    /// <summary>The HTTP status ZOO's OGC API gives a code, with the standard's corrections (400 for a bad query).</summary>
    public static int StatusOf(string code) => code switch
    {
        "NoSuchProcess" or "NoSuchJob" or "ResultNotReady" or "NoSuchOutput" or "NotFound" => 404,
        "InvalidQueryParameterValue" or "MissingParameterValue" or "InvalidParameterValue" or "OptionNotSupported"
            or "NoSuchMode" or "BadRequest" or "VersionNegotiationFailed" or "InvalidUpdateSequence" or "WorkflowNotFound"
            or "FileSizeExceeded" => 400,
        "DuplicatedProcess" => 409,
        "ImmutableProcess" => 403,
        "UnsupportedMediaType" => 415,
        "InvalidMethod" => 405,
        "NotAcceptable" => 406,
        _ => 500,
    };
}
