namespace Zoo.Core.Wps;

/// <summary>The errors ZOO reports, with its codes, locators and texts, in one place.</summary>
public static class Messages
{
    public static OwsError MissingParameter(string name) =>
        new("MissingParameterValue", name, $"Mandatory parameter <{name}> was not specified");

    public static OwsError OperationNotSupported(string operation, WpsVersion version) =>
        new("OperationNotSupported", operation,
            $"The value <request> was not recognized, {string.Join(", ", version.Operations)} are the only acceptable value.");

    public static OwsError InvalidService() =>
        new("InvalidParameterValue", "service", "The value <service> was not recognized, WPS is the only acceptable value.");

    /// <remarks>"recogized" is ZOO's spelling; clients that match the text see the same.</remarks>
    public static OwsError VersionNegotiationFailed(string value) =>
        new("VersionNegotiationFailed", "version", $"The value for version was not recogized {value}");

    public static OwsError VersionNegotiationFailedIn(string parameter) =>
        new("VersionNegotiationFailed", parameter,
            $"The value <{parameter}> was not recognized, 1.0.0, 2.0.0 are the only acceptable value.");

    public static OwsError UnsupportedLanguage(string language) =>
        new("InvalidParameterValue", "language", $"The value {language} is not supported for the <language> parameter");

    /// <summary>An XML body that cannot be read (malformed, or carrying a DTD, which is never processed).</summary>
    public static WpsException UnreadableXml(string detail) =>
        new("InvalidParameterValue", "request", $"Unable to parse the XML request: {detail}");

    /// <summary>ZOO names a plain identifier's file in the text; a namespaced one as it was asked for.</summary>
    public static WpsException NoSuchProcess(string identifier) =>
        identifier.Contains('.')
            ? new("InvalidParameterValue", "identifier", $"Unable to parse the ZCFG file: {identifier} (file not found)")
            : new("InvalidParameterValue", "Identifier", $"Unable to parse the ZCFG file: {identifier}.zcfg.");

    public static WpsException UnreadableServiceFile(string detail) =>
        new("InternalError", null, $"Unable to parse the ZCFG file: {detail}");

    /// <summary>A body over [main] maxRequestBytes, or a key=value request over maxQueryBytes: HTTP 413, never read whole.</summary>
    public static WpsException TooLarge(string what, long maxBytes) =>
        new([new OwsError("FileSizeExceeded", null,
            $"The {what} is larger than the {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes this server accepts.")],
            "413 Request Entity Too Large");

    /// <summary>More identifiers, input values or outputs in one request than [main] maxIdentifiers, maxInputs or maxOutputs.</summary>
    public static WpsException TooManyValues(string locator, int maximum, string what) =>
        new("InvalidParameterValue", locator,
            $"The request gives more than {maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)} {what}, the most this server accepts in one request.");

    public static WpsException UnreadableMainConfig() =>
        new("InternalError", null, "Unable to load the main.cfg file.");

    public static WpsException NotDispatched(WpsVersion version) =>
        new("InvalidParameterValue", "request", version.IsV1
            ? "The <request> value was not recognized. Allowed values are GetCapabilities, DescribeProcess and Execute."
            : "The <request> value was not recognized. Allowed values are GetCapabilities, DescribeProcess, Execute, GetStatus, GetResult and Dismiss.");
}
