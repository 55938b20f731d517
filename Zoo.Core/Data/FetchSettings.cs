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
/// <item><c>[main] fetchTimeout</c> (seconds, default 60), <c>fetchMaxBytes</c> (default 512 MiB),
/// <c>fetchMaxRedirects</c> (default 3, curl's setting in ZOO): limits of one download.</item>
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
    int MaxRedirects)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const long DefaultMaxBytes = 512L * 1024 * 1024;
    public const int DefaultMaxRedirects = 3;

    /// <summary>No cache, no local mapping, nothing forwarded, default limits.</summary>
    public static FetchSettings Defaults { get; } =
        new(null, null, null, [], [], [], [], [], DefaultTimeout, DefaultMaxBytes, DefaultMaxRedirects);

    /// <exception cref="ConfigurationException">a fetch limit that is not a positive number.</exception>
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
            TimeSpan.FromSeconds(Positive(config, "fetchTimeout", DefaultTimeout.TotalSeconds)),
            (long)Positive(config, "fetchMaxBytes", DefaultMaxBytes),
            (int)NotNegative(config, "fetchMaxRedirects", DefaultMaxRedirects));
    }

    /// <summary>The CGI variable a forwarded header's value comes from: HTTP_ + the name upper-cased, '-' → '_'.</summary>
    public static string VariableFor(string headerName) =>
        "HTTP_" + headerName.ToUpperInvariant().Replace('-', '_');

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
            if (environment.TryGetValue(VariableFor(name), out var value) && value.Length > 0)
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
        var service = ServiceUrl.For(new CgiRequest(environment, []), config);
        return Uri.TryCreate(service, UriKind.Absolute, out var serviceUri)
               && Uri.TryCreate(serviceUri, tmpUrl, out var resolved)
            ? resolved
            : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static double Positive(MainConfig config, string key, double fallback)
    {
        var value = NotNegative(config, key, fallback);
        return value > 0 ? value : throw Invalid(config, key);
    }

    private static double NotNegative(MainConfig config, string key, double fallback)
    {
        if (NonEmpty(config.Main[key]) is not { } text)
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
               && value >= 0 && double.IsFinite(value)
            ? value
            : throw Invalid(config, key);
    }

    private static ConfigurationException Invalid(MainConfig config, string key) =>
        new($"{config.FilePath}: [main] {key} is not a valid number: {config.Main[key]}");
}
