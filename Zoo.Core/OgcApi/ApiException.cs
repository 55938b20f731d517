namespace Zoo.Core.OgcApi;

/// <summary>
/// A request the OGC API answers with an exception document: the code (a ZOO code such as NoSuchProcess, which
/// <see cref="Responses.ProblemDocument"/> turns into the standard's type URI), the HTTP status and the detail.
/// </summary>
public sealed class ApiException(string code, int status, string detail) : Exception(detail)
{
    public string Code => code;
    public int Status => status;
    public string Detail => Message;

    /// <summary>The methods a path answers, for a 405's <c>Allow</c> header.</summary>
    public string? Allow { get; init; }

    public static ApiException NotFound(string detail) => new("NotFound", 404, detail);
    public static ApiException BadRequest(string detail) => new("BadRequest", 400, detail);
    public static ApiException InvalidParameter(string detail) => new("InvalidParameterValue", 400, detail);
    public static ApiException InvalidQuery(string detail) => new("InvalidQueryParameterValue", 400, detail);
    public static ApiException NoSuchProcess(string id) => new("NoSuchProcess", 404, $"Process '{id}' not found");
    public static ApiException NoSuchJob(string id) =>
        new("NoSuchJob", 404, $"The JobID from the request does not match any of the Jobs running on this server ({id})");

    public static ApiException MethodNotAllowed(string allow) =>
        new("InvalidMethod", 405, "The request method used to access the current path is not supported.") { Allow = allow };
}
