using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;

namespace Zoo.Core.OgcApi;

/// <summary>What an OGC API operation works with: the request, both configuration files, the CGI call and the runtimes.</summary>
public sealed record ApiContext(ApiRequest Request, MainConfig Config, OasConfig Oas, CgiRequest Cgi, TextWriter Log, RunnerCatalog Runners)
{
    public string RootUrl => Oas.RootUrl;

    /// <summary>An absolute href under the API's root: <c>Href("processes", id)</c>.</summary>
    public string Href(params string[] segments) =>
        segments.Length == 0 ? RootUrl + "/" : RootUrl + "/" + string.Join('/', segments.Select(Uri.EscapeDataString));
}
