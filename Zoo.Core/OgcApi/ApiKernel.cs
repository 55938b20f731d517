using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Wps;

namespace Zoo.Core.OgcApi;

/// <summary>
/// Answers one OGC API - Processes request: reads oas.cfg, checks the body's media type, routes, and turns every
/// failure into the standard's exception document with its HTTP status.
/// </summary>
public static class ApiKernel
{
    public static async Task<CgiResponse> AnswerAsync(ApiRequest request, CgiRequest cgi, MainConfig config, RunnerCatalog runners,
        TextWriter log, CancellationToken cancellationToken)
    {
        OasConfig oas;
        try
        {
            oas = OasConfig.Load(config, cgi.Variable("SERVICES_NAMESPACE"));
        }
        catch (ConfigurationException e)
        {
            log.WriteLine($"zoo_loader: {e.Message}");
            return Problem(config, request, new ApiException("InternalError", 500, "Unable to load the oas.cfg file."));
        }
        var context = new ApiContext(request, config, oas, cgi, log, runners);
        try
        {
            CheckBodyType(cgi);
            return await Router.RouteAsync(context, cancellationToken);
        }
        catch (ApiException e)
        {
            return Problem(context, e);
        }
        catch (WpsException e)
        {
            var error = e.Errors[0];
            return Problem(context, new ApiException(error.Code, ProblemDocument.StatusOf(error.Code), error.Text));
        }
        catch (Exception e)
        {
            log.WriteLine($"zoo_loader: {request.Method} {request.Path}: {e}");
            return Problem(context, new ApiException("NoApplicableCode", 500, "ZOO Kernel failed to process your request."));
        }
    }

    /// <summary>The exception document of a request refused before oas.cfg was read: the standard's type URIs.</summary>
    public static CgiResponse Problem(MainConfig config, ApiRequest? request, ApiException error)
    {
        var oas = OasConfig.From(IniDocument.Parse("", OasConfig.FileName), null);
        var context = new ApiContext(request ?? new ApiRequest("GET", false, "/", [], ConfigValues.Empty), config, oas,
            new CgiRequest(new Dictionary<string, string>(), RequestBody.Empty), TextWriter.Null, RunnerCatalog.Empty);
        return Problem(context, error);
    }

    public static CgiResponse Problem(ApiContext context, ApiException error)
    {
        var headers = error.Allow is null ? null : new[] { KeyValuePair.Create("Allow", error.Allow) };
        var contentType = context.Oas.ProblemContentType ? "application/problem+json; charset=utf-8" : JsonResponse.ContentType;
        return JsonResponse.Build(context, error.Status,
            ProblemDocument.Build(error.Code, error.Status, error.Detail, context.Oas, context.Request.Path), headers, contentType);
    }

    /// <summary>A body is JSON (<c>application/json</c> or any <c>+json</c> type), whatever the case; ZOO answers 415 otherwise.</summary>
    private static void CheckBodyType(CgiRequest cgi)
    {
        if (cgi.Method is not ("POST" or "PUT") || cgi.Body.Length == 0 && cgi.ContentType.Length == 0)
            return;
        var mediaType = cgi.ContentType.Split(';')[0].Trim();
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase))
            return;
        throw new ApiException("UnsupportedMediaType", 415,
            "The Content-Type specified in the request is not supported by this ZOO-Kernel, please contact the service provider.");
    }
}
