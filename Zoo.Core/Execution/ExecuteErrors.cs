using System.Globalization;
using Zoo.Core.Configuration;
using Zoo.Core.Wps;

namespace Zoo.Core.Execution;

/// <summary>What ZOO reports when an Execute request does not fit the process it names.</summary>
public static class ExecuteErrors
{
    public static WpsException UnknownProcess(string identifier) =>
        new("InvalidParameterValue", "identifier",
            $"The value for <identifier> seems to be wrong ({identifier}). Please specify one of the processes in the list returned by a GetCapabilities request.");

    public static OwsError MissingInput(string name) =>
        new("MissingParameterValue", name,
            $"The <{name}> argument was not specified in DataInputs but is required according to the ZOO ServicesProvider configuration file.");

    public static OwsError UnknownInput(string name) =>
        new("InvalidParameterValue", name,
            $"The <{name}> argument specified as DataInputs identifier was not recognized (not defined in the ZOO Configuration File).");

    public static OwsError UnknownOutput(string name, string locator) =>
        new("InvalidParameterValue", name,
            $"The <{name}> argument specified as {locator} identifier was not recognized (not defined in the ZOO Configuration File).");

    public static OwsError TooManyOccurrences(string name, int maximum) =>
        new("InternalError", null, maximum == 1
            ? $"The maximum allowed occurrences for <{name}> is one."
            : $"The maximum allowed occurrences for <{name}> ({maximum.ToString(CultureInfo.InvariantCulture)}) was exceeded.");

    public static OwsError WrongLiteral(string name, string value, string dataType) =>
        new("InvalidParameterValue", name, $"The value <{Shortened(value)}> of the <{name}> input is not a valid {dataType}.");

    public static OwsError NotAllowed(string name, string value) =>
        new("InvalidParameterValue", name, $"The value <{Shortened(value)}> of the <{name}> input is not one of its allowed values.");

    /// <summary>A format (mimeType, encoding, schema) the .zcfg does not declare for the input or output.</summary>
    public static OwsError UnsupportedFormat(string name, ConfigValues requested, string what) =>
        new("InvalidParameterValue", name,
            $"The format {Shown(requested)} given for the <{name}> {what} is not one the ZOO ServicesProvider configuration file declares for it.");

    /// <summary>A unit of measure the .zcfg does not declare for the literal input.</summary>
    public static OwsError UnsupportedUnit(string name, string uom, string what = "input") =>
        new("InvalidParameterValue", name,
            $"The unit of measure <{Shortened(uom)}> of the <{name}> {what} is not one the ZOO ServicesProvider configuration file declares for it.");

    public static OwsError NotBase64(string name) =>
        new("InvalidParameterValue", name, $"The <{name}> input is declared base64 encoded but is not valid base64.");

    public static WpsException StatusWithoutStore() =>
        new("InvalidParameterValue", "storeExecuteResponse",
            "The status parameter cannot be set to true if storeExecuteResponse is set to false. Please modify your request parameters.");

    public static WpsException ExecuteOverGet() =>
        new("InvalidParameterValue", "request", "Unable to run Execute request using the GET HTTP method");

    public static WpsException NoSuchMode(string mode) =>
        new("NoSuchMode", mode, "The process does not permit the desired execution mode.");

    public static WpsException SynchronousNotSupported(string serviceName) =>
        new("NoSuchMode", serviceName, "The synchronous mode is not supported by this type of service");

    public static WpsException UnsupportedServiceType(string? serviceType) =>
        new("NoApplicableCode", null,
            $"Programming Language ({serviceType}) set in ZCFG file is not currently supported by ZOO Kernel.");

    public static WpsException ServiceFailed(string? message, string? code, string? locator) =>
        new(string.IsNullOrEmpty(code) ? "NoApplicableCode" : code, locator,
            string.IsNullOrEmpty(message) ? "No more information available" : message);

    public static WpsException NoValueForOutput(string name) =>
        new("NoApplicableCode", null, $"No value found for the requested output {name}.");

    public static WpsException RawOutputMissing(string name) =>
        new("InvalidParameterValue", "RawDataOutput",
            $"Wrong RawDataOutput parameter: unable to fetch any result for the given parameter name: \"{name}\".");

    private static string Shown(ConfigValues format) =>
        string.Join(", ", format.Where(p => p.Key is "mimeType" or "encoding" or "schema").Select(p => $"{p.Key}={Shortened(p.Value)}"));

    /// <summary>A client's value as a message repeats it: never more than a line's worth.</summary>
    private static string Shortened(string value) => value.Length <= 100 ? value : value[..100] + "...";

    public static WpsException CannotStoreOutput(string fileName, string output) =>
        new("InternalError", null, $"Unable to create the file \"{fileName}\" for storing the {output} final result.");
}
