using Zoo.Core.Cgi;
using Zoo.Core.Configuration;

namespace Zoo.Core.Wps.Requests;

/// <summary>
/// Turns a CGI request into a <see cref="WpsRequest"/>: KVP from the query string, or the XML body of
/// a POST; then ZOO's shared checks in ZOO's order. The language and an unknown version are refused
/// at once; an unknown request at once with the service check; the remaining errors are reported together.
/// </summary>
public static class WpsRequestParser
{
    public static WpsRequest Parse(CgiRequest cgi, MainConfig config)
    {
        var (parameters, xml) = ReadParameters(cgi, config.Limits);
        var fallback = WpsVersion.Find(config.DefaultVersion) ?? WpsVersion.V100;
        var requestedVersion = parameters["version"];
        var version = WpsVersion.Find(requestedVersion) ?? fallback;

        var errors = new List<OwsError>();
        var language = LanguageNegotiation.Choose(parameters, cgi, config, errors);
        RejectIfAny(errors, version, config.DefaultLanguage);

        if (requestedVersion is not null && WpsVersion.Find(requestedVersion) is null)
            Reject(Messages.VersionNegotiationFailed(requestedVersion), fallback, language);

        var operation = parameters["request"];
        var canonical = version.Operations.FirstOrDefault(o => o.Equals(operation, StringComparison.OrdinalIgnoreCase));
        if (operation is not null && canonical is null)
        {
            errors.Add(Messages.OperationNotSupported(operation, version));
            CheckService(parameters, errors);
            Reject(errors, version, language);
        }
        if (operation is null)
            errors.Add(Messages.MissingParameter("request"));
        CheckService(parameters, errors);

        if (canonical == "GetCapabilities")
            version = NegotiateCapabilitiesVersion(parameters, version, errors);
        else if (canonical is not null && requestedVersion is null)
            errors.Add(Messages.MissingParameter("version"));
        if (canonical is "DescribeProcess" or "Execute" && string.IsNullOrEmpty(parameters["Identifier"]))
            errors.Add(Messages.MissingParameter("identifier"));
        if (canonical == "DescribeProcess" && MainConfig.SplitList(parameters["Identifier"] ?? "").Count > config.Limits.MaxIdentifiers)
            Reject(Messages.TooManyValues("identifier", config.Limits.MaxIdentifiers, "identifiers").Errors[0], version, language);
        if (canonical is "GetStatus" or "GetResult" or "Dismiss" && string.IsNullOrEmpty(parameters["JobID"]))
            errors.Add(Messages.MissingParameter("jobid"));

        RejectIfAny(errors, version, language);
        return new WpsRequest(canonical!, version, language, parameters, xml);
    }

    private static void CheckService(ConfigValues parameters, List<OwsError> errors)
    {
        var service = parameters["service"];
        if (service is null)
            errors.Add(Messages.MissingParameter("service"));
        else if (!service.Equals("WPS", StringComparison.OrdinalIgnoreCase))
            errors.Add(Messages.InvalidService());
    }

    /// <summary>AcceptVersions is valid when its first version is one this kernel speaks; 2.0.0 wins when offered.</summary>
    private static WpsVersion NegotiateCapabilitiesVersion(ConfigValues parameters, WpsVersion version, List<OwsError> errors)
    {
        if (parameters["AcceptVersions"] is not { } accept)
            return version;
        var offered = MainConfig.SplitList(accept);
        if (offered.Count == 0 || WpsVersion.Find(offered[0]) is not { } first)
        {
            errors.Add(Messages.VersionNegotiationFailedIn("AcceptVersions"));
            return version;
        }
        return offered.Any(v => WpsVersion.Find(v) == WpsVersion.V200) ? WpsVersion.V200 : first;
    }

    private static (ConfigValues Parameters, XmlRequest? Xml) ReadParameters(CgiRequest cgi, Limits limits)
    {
        if (cgi.QueryString.Length > limits.MaxQueryBytes)
            throw Messages.TooLarge("query string", limits.MaxQueryBytes);
        var head = TrimmedHead(cgi.Body);
        if (head.Length == 0 || head[0] != (byte)'<')
        {
            if (cgi.Method is "POST" or "PUT" && !cgi.Body.IsEmpty && IsForm(cgi.ContentType))
                return (KvpReader.Parse(FormText(cgi.Body, limits)), null);
            return (KvpReader.Parse(cgi.QueryString), null);
        }
        var xml = XmlRequestReader.Read(cgi.Body, limits);
        // Parameters in the query string of a POST (metapath, ...) accompany the body, as in ZOO;
        // unlike ZOO they only add what the body lacks, so the query cannot change the operation.
        var fromQuery = KvpReader.Parse(cgi.QueryString).Where(p => !xml.Parameters.Contains(p.Key));
        return (new ConfigValues(xml.Parameters.Concat(fromQuery)), xml);
    }

    /// <summary>A form-encoded body is decoded in memory, like a query string: it must fit the same limit.</summary>
    private static string FormText(RequestBody body, Limits limits)
    {
        if (body.Length > limits.MaxQueryBytes)
            throw Messages.TooLarge("form-encoded request", limits.MaxQueryBytes);
        using var stream = body.OpenRead();
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static bool IsForm(string contentType) =>
        contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body's first meaningful bytes: a BOM and leading blanks skipped.</summary>
    private static ReadOnlySpan<byte> TrimmedHead(RequestBody body)
    {
        var span = body.Head(4096);
        if (span.StartsWith("\uFEFF"u8))
            span = span[3..];
        return span.TrimStart(" \t\r\n"u8);
    }

    private static void RejectIfAny(List<OwsError> errors, WpsVersion version, string language)
    {
        if (errors.Count > 0)
            Reject(errors, version, language);
    }

    private static void Reject(OwsError error, WpsVersion version, string language) => Reject([error], version, language);

    private static void Reject(IReadOnlyList<OwsError> errors, WpsVersion version, string language) =>
        throw new RequestRejectedException(new WpsException(errors), version, language);
}
