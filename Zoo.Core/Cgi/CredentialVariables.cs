using Zoo.Core.Configuration;

namespace Zoo.Core.Cgi;

/// <summary>
/// The CGI variables that carry a client's credentials (Authorization, Cookie, Proxy-Authorization). They go
/// no further than the request itself (not to services, not into a job's saved request) unless main.cfg's
/// <c>[security] attributes</c> forwards them.
/// </summary>
public static class CredentialVariables
{
    private static readonly string[] Credentials = ["HTTP_AUTHORIZATION", "HTTP_COOKIE", "HTTP_PROXY_AUTHORIZATION"];

    /// <summary>The CGI variable a request header arrives in: HTTP_ + its name upper-cased, '-' → '_'.</summary>
    public static string For(string headerName) => "HTTP_" + headerName.ToUpperInvariant().Replace('-', '_');

    /// <summary>The environment without the credentials main.cfg does not forward, and without empty variables.</summary>
    public static Dictionary<string, string> Kept(IReadOnlyDictionary<string, string> environment, MainConfig config)
    {
        var forwarded = MainConfig.SplitList(config.Security["attributes"] ?? "").Select(For).ToHashSet(StringComparer.Ordinal);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (value.Length > 0 && (!Credentials.Contains(name, StringComparer.Ordinal) || forwarded.Contains(name)))
                kept[name] = value;
        }
        return kept;
    }
}
