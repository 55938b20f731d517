using System.Globalization;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>Asynchronous Execute requests of the sample service LongProcess, and what their answers say.</summary>
public static class AsyncRequests
{
    public static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    public static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>1.0.0 KVP with storeExecuteResponse=true&amp;status=true.</summary>
    public static string Kvp10(double duration, int steps) =>
        Kvp("LongProcess", $"duration={N(duration)};steps={steps}", "&ResponseDocument=Result&storeExecuteResponse=true&status=true");

    /// <summary>2.0.0 XML Execute of LongProcess with the given mode (async, auto or sync).</summary>
    public static string Xml20(double duration, int steps, string mode) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute service="WPS" version="2.0.0" response="document" mode="{mode}" {Wps20Namespaces}>
          <ows:Identifier>LongProcess</ows:Identifier>
          {Data20("duration", "", N(duration))}
          {Data20("steps", "", steps.ToString(CultureInfo.InvariantCulture))}
          {Output20("Result")}
        </wps:Execute>
        """;

    /// <summary>What LongProcess answers for these inputs.</summary>
    public static string ExpectedResult(double duration, int steps) =>
        $"LongProcess ran {steps} steps in {N(duration)}{(duration == Math.Floor(duration) ? ".0" : "")} seconds";

    /// <summary>The JobID of a 2.0.0 StatusInfo answer.</summary>
    public static string JobIdOf(CgiResult accepted) => StatusInfo.Parse(accepted).JobId;

    /// <summary>The statusLocation of a 1.0.0 ExecuteResponse.</summary>
    public static string StatusLocationOf(CgiResult response) =>
        Root(response).Attribute("statusLocation")?.Value ?? throw new AssertionException("no statusLocation:\n" + response.Text);

    /// <summary>The job id a 1.0.0 statusLocation names (its sid input).</summary>
    public static string JobIdOfLocation(string statusLocation)
    {
        const string marker = "sid=";
        var at = statusLocation.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
            throw new AssertionException("no sid= in " + statusLocation);
        var rest = statusLocation[(at + marker.Length)..];
        var end = rest.IndexOf('&');
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>
    /// The status element of a 1.0.0 ExecuteResponse (ProcessAccepted, ProcessStarted, ProcessSucceeded, ...)
    /// with its percentCompleted, if any.
    /// </summary>
    public static (string Status, int? Percent, string Text) Status10(CgiResult response)
    {
        var status = Root(response).Element(Wps10 + "Status")?.Elements().FirstOrDefault()
                     ?? throw new AssertionException("no wps:Status:\n" + response.Text);
        var percent = status.Attribute("percentCompleted")?.Value;
        return (status.Name.LocalName, percent is null ? null : int.Parse(percent, CultureInfo.InvariantCulture), status.Value);
    }

    public static XElement Root(CgiResult response)
    {
        try
        {
            return XDocument.Parse(response.Text).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AssertionException($"not XML ({e.Message}):\n{response.Text}");
        }
    }
}
