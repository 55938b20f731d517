using System.Collections;

namespace Zoo.Core.Cgi;

/// <summary>What a web server hands a CGI: its environment and the request body.</summary>
public sealed record CgiRequest(IReadOnlyDictionary<string, string> Environment, RequestBody Body)
{
    public string Method => Variable("REQUEST_METHOD")?.ToUpperInvariant() ?? "GET";
    public string QueryString => Variable("QUERY_STRING") ?? "";
    public string ContentType => Variable("CONTENT_TYPE") ?? "";

    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The process's environment, without the body: it is read once main.cfg says how much may come.</summary>
    public static CgiRequest FromProcessEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        return new CgiRequest(environment, RequestBody.Empty);
    }
}
