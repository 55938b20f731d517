using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zoo.Integration.Tests.Support;

/// <summary>How the web server hands an OGC API URL such as <c>/ogc-api/processes?limit=1</c> to the CGI.</summary>
public enum ApiForm
{
    /// <summary>ZOO's rewrite rule: <c>QUERY_STRING=/processes&amp;limit=1</c>.</summary>
    Rewrite,

    /// <summary>A ScriptAlias or <c>zoo_loader.cgi/ogc-api/...</c>: <c>PATH_INFO=/ogc-api/processes</c>, <c>QUERY_STRING=limit=1</c>.</summary>
    PathInfo,
}

/// <summary>
/// Calls the OGC API of a published zoo_loader.cgi the way a web server does: a request target such as
/// <c>/processes/echo/execution?mode=async</c> (the part after <c>/ogc-api</c>) becomes the CGI's QUERY_STRING or
/// PATH_INFO (<see cref="ApiForm"/>), request headers become <c>HTTP_*</c> variables, a body goes to standard input.
/// </summary>
public sealed class ApiCalls(string workingDirectory, ApiForm form = ApiForm.Rewrite, IReadOnlyDictionary<string, string>? variables = null)
{
    public const string Json = "application/json";

    /// <summary>The same calls handed over in another form.</summary>
    public ApiCalls In(ApiForm other) => new(workingDirectory, other, variables);

    /// <summary>The same calls with one more CGI variable (e.g. SERVICES_NAMESPACE, which the web server sets).</summary>
    public ApiCalls WithVariable(string name, string value)
    {
        var all = new Dictionary<string, string>(variables ?? new Dictionary<string, string>()) { [name] = value };
        return new ApiCalls(workingDirectory, form, all);
    }

    public ApiResponse Get(string target, IReadOnlyDictionary<string, string>? headers = null) => Send("GET", target, [], null, headers);

    public ApiResponse Head(string target) => Send("HEAD", target, [], null);

    public ApiResponse Options(string target) => Send("OPTIONS", target, [], null);

    public ApiResponse Delete(string target) => Send("DELETE", target, [], null);

    /// <param name="prefer">the Prefer header, e.g. <c>respond-async</c>.</param>
    public ApiResponse Post(string target, string body, string contentType = Json, string? prefer = null) =>
        Send("POST", target, Encoding.UTF8.GetBytes(body), contentType,
            prefer is null ? null : new Dictionary<string, string> { ["Prefer"] = prefer });

    public ApiResponse Post(string target, JsonNode body, string? prefer = null) => Post(target, body.ToJsonString(), Json, prefer);

    /// <param name="headers">request headers by their HTTP name (<c>Prefer</c> is given as <c>HTTP_PREFER</c>).</param>
    public ApiResponse Send(string method, string target, byte[] body, string? contentType,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var (path, query) = Split(target);
        var environment = new Dictionary<string, string>(variables ?? new Dictionary<string, string>());
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            environment["HTTP_" + name.ToUpperInvariant().Replace('-', '_')] = value;
        string queryString;
        if (form == ApiForm.Rewrite)
            queryString = query.Length == 0 ? path : path + "&" + query;
        else
        {
            environment["PATH_INFO"] = "/ogc-api" + path;
            environment["SCRIPT_NAME"] = "/cgi-bin/zoo_loader.cgi";
            queryString = query;
        }
        return new ApiResponse(CgiProcess.Run(workingDirectory, method, queryString, body, contentType, environment));
    }

    /// <summary>A request target split at its <c>?</c>: the path (always starting with <c>/</c>) and the query.</summary>
    public static (string Path, string Query) Split(string target)
    {
        var mark = target.IndexOf('?');
        return mark < 0 ? (target, "") : (target[..mark], target[(mark + 1)..]);
    }
}

/// <summary>What the CGI answered an OGC API call: HTTP status, headers, body, and the body as JSON.</summary>
public sealed record ApiResponse(CgiResult Cgi)
{
    /// <summary>The status code of the <c>Status:</c> header; a CGI that writes none means 200.</summary>
    public int StatusCode =>
        Cgi.Header("Status") is { Length: >= 3 } status && int.TryParse(status.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : 200;

    public string? Header(string name) => Cgi.Header(name);

    /// <summary>Every value of a header that may come several times (Link).</summary>
    public IReadOnlyList<string> Headers(string name) =>
        Cgi.Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public string ContentType => Cgi.ContentType;

    /// <summary>The Content-Type without its parameters, lower case.</summary>
    public string MediaType => ContentType.Split(';')[0].Trim().ToLowerInvariant();

    public byte[] Body => Cgi.Body;

    public string Text => Cgi.Text;

    /// <summary>The body as JSON; fails the test (with the whole answer) when it is not JSON.</summary>
    public JsonNode Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body) ?? throw new AssertionException("the body is JSON null:\n" + this);
            }
            catch (JsonException e)
            {
                throw new AssertionException($"the body is not JSON ({e.Message}):\n{this}");
            }
        }
    }

    /// <summary>The body as a JSON object; fails the test when it is something else.</summary>
    public JsonObject Object => Json as JsonObject ?? throw new AssertionException("the body is not a JSON object:\n" + this);

    /// <summary>The value of a top-level string member of the JSON body, or null.</summary>
    public string? Member(string name) => Object[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The hrefs of the body's <c>links</c> whose rel is <paramref name="rel"/>.</summary>
    public IReadOnlyList<string> LinksOf(string rel) => ApiJson.Links(Object).Where(l => l.Rel == rel).Select(l => l.Href).ToList();

    /// <summary>The whole answer, as assertion messages show it.</summary>
    public override string ToString()
    {
        var text = Text.Length <= 4000 ? Text : Text[..4000] + $"...({Text.Length} chars)";
        var stderr = Cgi.StandardError.Length == 0 ? "" : "\n[stderr] " + Cgi.StandardError.Trim();
        return string.Join('\n', Cgi.Headers.Select(h => $"{h.Key}: {h.Value}")) + "\n\n" + text + stderr;
    }
}

/// <summary>Reading the JSON documents of the API.</summary>
public static class ApiJson
{
    public sealed record Link(string? Rel, string Href, string? Type);

    /// <summary>The <c>links</c> array of a document (empty when it has none).</summary>
    public static IReadOnlyList<Link> Links(JsonObject document) =>
        (document["links"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .Select(link => new Link(Text(link["rel"]), Text(link["href"]) ?? "", Text(link["type"])))
        .ToList();

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// The href of every link the API wrote: the members of each <c>links</c> array anywhere in a document (the
    /// metadata hrefs a .zcfg gives are the service author's, not the API's).
    /// </summary>
    public static IEnumerable<string> AllLinkHrefs(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "links" && p.Value is JsonArray links
            ? links.OfType<JsonObject>().Select(l => Text(l["href"]) ?? "")
            : AllLinkHrefs(p.Value)),
        JsonArray a => a.SelectMany(AllLinkHrefs),
        _ => [],
    };

    /// <summary>Whether two JSON values are equal (numbers compared by value: 2 equals 2.0).</summary>
    public static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(Normalised(left), Normalised(right));

    private static JsonNode? Normalised(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalised(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalised).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };
}
