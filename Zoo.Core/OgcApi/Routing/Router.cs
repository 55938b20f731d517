using Zoo.Core.Cgi;
using Zoo.Core.OgcApi.Operations;

namespace Zoo.Core.OgcApi.Routing;

/// <summary>
/// The routes of OGC API - Processes Part 1 (core, json, job-list, dismiss, callback): each path with the methods it
/// answers. An unknown path is a 404, a known one asked with another method a 405 that says which it allows.
/// </summary>
public static class Router
{
    public static async Task<CgiResponse> RouteAsync(ApiContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var method = request.Method;
        return request.Segments switch
        {
            [] => method == "GET" ? LandingPage.Answer(context) : throw NotAllowed("GET, HEAD"),
            ["conformance"] => method == "GET" ? Conformance.Answer(context) : throw NotAllowed("GET, HEAD"),
            ["api"] => method == "GET" ? ApiDefinition.Answer(context) : throw NotAllowed("GET, HEAD"),
            ["processes"] => method == "GET" ? ProcessList.Answer(context) : throw NotAllowed("GET, HEAD"),
            ["processes", var id] => method == "GET" ? ProcessDescribe.Answer(context, id) : throw NotAllowed("GET, HEAD"),
            ["processes", var id, "execution"] => method == "POST"
                ? await ProcessExecute.AnswerAsync(context, id, cancellationToken)
                : throw NotAllowed("POST"),
            ["jobs"] => method == "GET" ? JobList.Answer(context) : throw NotAllowed("GET, HEAD"),
            ["jobs", var id] => method switch
            {
                "GET" => JobStatus.Answer(context, id),
                "DELETE" => await JobDismiss.AnswerAsync(context, id),
                _ => throw NotAllowed("GET, HEAD, DELETE"),
            },
            ["jobs", var id, "results"] => method == "GET" ? JobResults.Answer(context, id) : throw NotAllowed("GET, HEAD"),
            _ => throw ApiException.NotFound("The resource is not available"),
        };
    }

    private static ApiException NotAllowed(string allow) => ApiException.MethodNotAllowed(allow);
}
