namespace Zoo.Core.Data;

/// <summary>
/// Which credentials go where. <c>[security] attributes</c> headers are forwarded to a URL whose host is
/// one of <c>[security] hosts</c> (exact, case-insensitive, optionally with its port) or to any host when
/// the list holds <c>*</c>. A redirect keeps them only while it stays on the same origin.
/// </summary>
internal static class Forwarding
{
    /// <summary>Headers a client sends for itself that carry credentials; dropped across origins.</summary>
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie"];

    public static IReadOnlyList<KeyValuePair<string, string>> HeadersFor(FetchSettings settings, Uri url) =>
        settings.ForwardedHeaders.Count > 0 && IsForwardHost(settings, url) ? settings.ForwardedHeaders : [];

    public static bool IsForwardHost(FetchSettings settings, Uri url) =>
        settings.ForwardHosts.Any(h =>
            h == "*"
            || string.Equals(h, url.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, url.Authority, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when a redirect from <paramref name="from"/> to <paramref name="to"/> may carry credentials:
    /// same host and port, and not from https down to http.
    /// </summary>
    public static bool IsSameOrigin(Uri from, Uri to) =>
        string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase)
        && from.Port == to.Port
        && !(from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps);

    public static bool IsCredential(string headerName) =>
        CredentialHeaders.Contains(headerName, StringComparer.OrdinalIgnoreCase);

    /// <summary>A URL under one of the <c>[security] shared</c> prefixes: one cache entry for every user.</summary>
    public static bool IsShared(FetchSettings settings, string href) =>
        settings.SharedPrefixes.Any(p => href.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
