using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests;

namespace Zoo.Core.OgcApi.Routing;

/// <summary>
/// A request to the OGC API: its method (HEAD answered as GET without a body), its path split into decoded segments
/// (a trailing <c>/</c> ignored) and its query parameters.
/// </summary>
public sealed record ApiRequest(string Method, bool IsHead, string Path, IReadOnlyList<string> Segments, ConfigValues Query)
{
    private const int MaxSegments = 8;

    /// <summary>
    /// The OGC API request a CGI call carries, or null when it is a WPS one. ZOO's rule first: a query string that
    /// starts with <c>/</c> (the web server rewrote <c>/ogc-api/X?q</c> to <c>?/X&amp;q</c>); then a PATH_INFO
    /// (<c>zoo_loader.cgi/ogc-api/X?q</c> or a ScriptAlias), with a leading <c>/ogc-api</c> dropped.
    /// </summary>
    /// <exception cref="ApiException">a path or parameter that does not decode.</exception>
    public static ApiRequest? From(CgiRequest cgi)
    {
        string path, query;
        var queryString = cgi.QueryString;
        if (queryString.StartsWith('/'))
        {
            var end = queryString.IndexOfAny(['&', '?']);
            path = end < 0 ? queryString : queryString[..end];
            query = end < 0 ? "" : queryString[(end + 1)..];
        }
        else if (PathInfo(cgi) is { } pathInfo)
        {
            path = pathInfo.StartsWith("/ogc-api/", StringComparison.Ordinal) || pathInfo == "/ogc-api"
                ? pathInfo["/ogc-api".Length..]
                : pathInfo;
            query = queryString;
        }
        else
            return null;
        var method = cgi.Method;
        return new ApiRequest(method == "HEAD" ? "GET" : method, method == "HEAD", path, SplitPath(path), ParseQuery(query));
    }

    /// <summary>Whether the CGI call is an OGC API request (<see cref="From"/>'s rule), before anything of it is decoded.</summary>
    public static bool IsCarriedBy(CgiRequest cgi) => cgi.QueryString.StartsWith('/') || PathInfo(cgi) is not null;

    /// <summary>A PATH_INFO that is a path below the CGI (not <c>/</c> alone, nor what a client put there without a slash).</summary>
    private static string? PathInfo(CgiRequest cgi) => cgi.Variable("PATH_INFO") is { Length: > 1 } pathInfo && pathInfo[0] == '/' ? pathInfo : null;

    private static string[] SplitPath(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxSegments)
            throw ApiException.NotFound("The resource is not available");
        return parts.Select(part => Decode(part, "path")).ToArray();
    }

    private static ConfigValues ParseQuery(string query)
    {
        try
        {
            return KvpReader.Parse(query);
        }
        catch (WpsException e)
        {
            throw ApiException.InvalidQuery(e.Errors[0].Text);
        }
    }

    private static string Decode(string text, string locator)
    {
        try
        {
            return KvpReader.Decode(text.Replace("+", "%2B"), locator);
        }
        catch (WpsException e)
        {
            throw ApiException.NotFound(e.Errors[0].Text);
        }
    }
}
