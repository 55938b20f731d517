using System.Globalization;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Configuration;

/// <summary>
/// oas.cfg (beside main.cfg), read once: what the OGC API needs from it as typed values, with ZOO's defaults, and the
/// document itself for what is only copied (the link sections, the OpenAPI definition's sections).
/// </summary>
/// <param name="RootUrl">the public base of the API, without a trailing <c>/</c>: every href starts with it.</param>
/// <param name="ExceptionsUrl"><c>exceptionsUrl</c>: the base of Part 1's exception type URIs.</param>
/// <param name="ExceptionsUrlPart2"><c>exceptionsUrl_1</c>: the base of Part 2's.</param>
/// <param name="DefaultLimit"><c>[limitParam] schema_default</c>: the page size of /processes and /jobs when a client names none.</param>
/// <param name="MaxLimit"><c>[limitParam] schema_maximum</c>: the largest page a client may ask for.</param>
/// <param name="DefaultResultAsDocument"><c>default_result_as_document</c>: an execute that names no response gets a document, not raw data.</param>
/// <param name="ProblemContentType"><c>use_problem_exception</c>: exceptions as <c>application/problem+json</c>.</param>
/// <param name="HiddenProcesses"><c>[hidden_processes]</c>: services absent from /processes (they still run).</param>
public sealed record OasConfig(
    IniDocument Document,
    string RootUrl,
    string ExceptionsUrl,
    string ExceptionsUrlPart2,
    int DefaultLimit,
    int MaxLimit,
    bool DefaultResultAsDocument,
    bool ProblemContentType,
    IReadOnlySet<string> HiddenProcesses)
{
    public const string FileName = "oas.cfg";
    public const string Part1Exceptions = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0";
    public const string Part2Exceptions = "http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0";

    public ConfigValues OpenApi => Document["openapi"];

    /// <summary>oas.cfg in main.cfg's directory.</summary>
    /// <param name="servicesNamespace">the web server's SERVICES_NAMESPACE (ZOO's per-user URLs), if any.</param>
    /// <exception cref="ConfigurationException">the file is missing or broken.</exception>
    public static OasConfig Load(MainConfig config, string? servicesNamespace)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.FilePath)) ?? ".", FileName);
        IniDocument document;
        try
        {
            document = IniDocument.Read(path);
        }
        catch (IOException e)
        {
            throw new ConfigurationException($"{path}: {e.Message}");
        }
        return From(document, servicesNamespace);
    }

    public static OasConfig From(IniDocument document, string? servicesNamespace)
    {
        var openApi = document["openapi"];
        var limits = document["limitParam"];
        var maxLimit = Integer(limits["schema_maximum"], 10000);
        return new OasConfig(
            document,
            RootUrlOf(openApi, servicesNamespace),
            openApi.Get("exceptionsUrl", Part1Exceptions),
            openApi.Get("exceptionsUrl_1", Part2Exceptions),
            Math.Clamp(Integer(limits["schema_default"], 1000), 1, maxLimit),
            maxLimit,
            openApi.Contains("default_result_as_document"),
            openApi.Contains("use_problem_exception"),
            document["hidden_processes"].Where(p => p.Key.StartsWith("service", StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// ZOO's rule: <c>rootHost</c> and <c>rootPath</c> when both are set (with the namespace between them when it is not
    /// the global one), else <c>rootUrl</c>.
    /// </summary>
    private static string RootUrlOf(ConfigValues openApi, string? servicesNamespace)
    {
        var host = openApi["rootHost"];
        var path = openApi["rootPath"];
        var global = openApi.Get("globalNamespace", "anonymous");
        var ns = servicesNamespace is { Length: > 0 } && servicesNamespace != global && IsNamespace(servicesNamespace)
            ? servicesNamespace
            : null;
        if (host is { Length: > 0 } && path is { Length: > 0 })
            return ns is null ? $"{host.TrimEnd('/')}/{path.Trim('/')}" : $"{host.TrimEnd('/')}/{ns}/{path.Trim('/')}";
        return openApi.Get("rootUrl", "http://localhost/ogc-api").TrimEnd('/');
    }

    /// <summary>A namespace goes into every href: only a plain name is taken (the web server sets it from the URL).</summary>
    private static bool IsNamespace(string value) =>
        value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static int Integer(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
