using System.Globalization;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;

namespace Zoo.Core.Data;

/// <summary>
/// What the reference fetcher needs from main.cfg and the CGI environment, read once.
/// <list type="bullet">
/// <item><c>[main] cacheDir</c>: download cache (none when absent); <c>tmpPath</c>/<c>tmpUrl</c>: URLs under
/// tmpUrl are read from tmpPath; <c>allowedPaths</c>: directories file:// URLs may read;
/// <c>extra_supported_codes</c>: HTTP codes accepted besides 2xx.</item>
/// <item>the download limits of <see cref="Limits"/> (<c>fetchTimeout</c>, <c>fetchMaxBytes</c>, <c>fetchMaxRedirects</c>), and for
/// the body of a POST reference, which is held in memory, <c>maxXmlTokenBytes</c>.</item>
/// <item><c>[main] mapserverAddress</c>: URLs of this server, whose inputs ZOO says are of LOCAL origin.</item>
/// <item><c>[security] attributes</c>: request headers forwarded (value from <c>HTTP_&lt;NAME&gt;</c>) to the
/// <c>hosts</c> listed (or every host with <c>*</c>); <c>shared</c>: URL prefixes whose cache entry is
/// shared by every user (its key leaves the forwarded values out).</item>
/// </list>
/// </summary>
public sealed record FetchSettings(
    string? CacheDirectory,
    string? TmpPath,
    Uri? TmpUrl,
    IReadOnlyList<string> AllowedPaths,
    IReadOnlyList<int> ExtraSupportedCodes,
    IReadOnlyList<KeyValuePair<string, string>> ForwardedHeaders,
    IReadOnlyList<string> ForwardHosts,
    IReadOnlyList<string> SharedPrefixes,
    TimeSpan Timeout,
    long MaxBytes,
    int MaxRedirects,
    long MaxBodyBytes,
    IReadOnlyList<string> LocalPrefixes)
{
    /// <summary>No cache, no local mapping, nothing forwarded, default limits.</summary>
    public static FetchSettings Defaults { get; } =
        new(null, null, null, [], [], [], [], [], Limits.Defaults.FetchTimeout, Limits.Defaults.FetchMaxBytes, Limits.Defaults.FetchMaxRedirects,
            Limits.Defaults.MaxXmlTokenBytes, []);

    public static FetchSettings From(MainConfig config, IReadOnlyDictionary<string, string> cgiEnvironment)
    {
        var main = config.Main;
        var security = config.Security;
        var hosts = MainConfig.SplitList(security["hosts"] ?? "");
        return new FetchSettings(
            NonEmpty(config.CacheDir),
            NonEmpty(config.TmpPath),
            TmpUrlOf(config, cgiEnvironment),
            MainConfig.SplitList(main["allowedPaths"] ?? ""),
            MainConfig.SplitList(main["extra_supported_codes"] ?? "")
                .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : -1)
                .Where(c => c >= 0)
                .ToList(),
            hosts.Count == 0 ? [] : ForwardedValues(security["attributes"], cgiEnvironment),
            hosts,
            MainConfig.SplitList(security["shared"] ?? ""),
            config.Limits.FetchTimeout,
            config.Limits.FetchMaxBytes,
            config.Limits.FetchMaxRedirects,
            config.Limits.MaxXmlTokenBytes,
            NonEmpty(main["mapserverAddress"]) is { } mapserver ? [mapserver] : []);
    }

    /// <summary>Names the forwarded headers but never prints their values.</summary>
    public override string ToString() =>
        $"FetchSettings {{ CacheDirectory = {CacheDirectory}, TmpPath = {TmpPath}, TmpUrl = {TmpUrl}, " +
        $"AllowedPaths = [{string.Join(",", AllowedPaths)}], ExtraSupportedCodes = [{string.Join(",", ExtraSupportedCodes)}], " +
        $"ForwardedHeaders = [{string.Join(",", ForwardedHeaders.Select(h => h.Key))}], ForwardHosts = [{string.Join(",", ForwardHosts)}], " +
        $"SharedPrefixes = [{string.Join(",", SharedPrefixes)}], Timeout = {Timeout}, MaxBytes = {MaxBytes}, MaxRedirects = {MaxRedirects} }}";

    private static List<KeyValuePair<string, string>> ForwardedValues(
        string? attributes, IReadOnlyDictionary<string, string> environment)
    {
        var forwarded = new List<KeyValuePair<string, string>>();
        foreach (var name in MainConfig.SplitList(attributes ?? ""))
        {
            if (environment.TryGetValue(CredentialVariables.For(name), out var value) && value.Length > 0)
                forwarded.Add(KeyValuePair.Create(name, value));
        }
        return forwarded;
    }

    /// <summary>tmpUrl as an absolute URL: as configured, or relative to the service's own address.</summary>
    private static Uri? TmpUrlOf(MainConfig config, IReadOnlyDictionary<string, string> environment)
    {
        if (NonEmpty(config.TmpUrl) is not { } tmpUrl)
            return null;
        if (Uri.TryCreate(tmpUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return absolute;
        var service = ServiceUrl.For(new CgiRequest(environment, RequestBody.Empty), config);
        return Uri.TryCreate(service, UriKind.Absolute, out var serviceUri)
               && Uri.TryCreate(serviceUri, tmpUrl, out var resolved)
            ? resolved
            : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
