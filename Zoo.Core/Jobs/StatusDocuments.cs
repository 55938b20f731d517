using Zoo.Core.Wps;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.Jobs;

/// <summary>
/// Brings a stored 1.0.0 status document up to date without rebuilding it, as ZOO's GetStatus service does:
/// its wps:Status takes the progress a running service reported, or the failure of a job whose worker died.
/// </summary>
public static class StatusDocuments
{
    private const string StatusOpen = "<wps:Status ";
    private const string StatusClose = "</wps:Status>";

    public static string WithProgress(string document, int percent, string? message, string serviceName) =>
        WithStatus(document, serviceName, new ExecuteStatus.Started(percent, message));

    public static string WithFailure(string document, string serviceName, string message) =>
        WithStatus(document, serviceName, new ExecuteStatus.Failed([new OwsError("NoApplicableCode", null, message)]));

    /// <summary>True for a WPS 1.0.0 ExecuteResponse, the only stored document with a status to bring up to date.</summary>
    public static bool HasStatus(string document) => document.Contains(StatusOpen, StringComparison.Ordinal);

    private static string WithStatus(string document, string serviceName, ExecuteStatus status)
    {
        var start = document.IndexOf(StatusOpen, StringComparison.Ordinal);
        var end = document.IndexOf(StatusClose, StringComparison.Ordinal);
        if (start < 0 || end < start)
            return document;
        var openEnd = document.IndexOf('>', start);
        // wps:Status is the second level of the ExecuteResponse: its content sits two levels down.
        var content = XmlFormatter.Fragment(ExecuteResponseWriter.StatusContent(serviceName, status), depth: 2);
        return document[..(openEnd + 1)] + "\n    " + content + "\n  " + document[end..];
    }
}
