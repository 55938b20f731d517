using System.Globalization;
using System.Security;

namespace Zoo.Core.Jobs;

/// <summary>
/// Brings a stored 1.0.0 status document up to date with the progress a running service reported,
/// as ZOO's GetStatus service does: its wps:Status becomes ProcessStarted with percentCompleted.
/// </summary>
public static class StatusDocuments
{
    private const string StatusOpen = "<wps:Status ";
    private const string StatusClose = "</wps:Status>";

    public static string WithProgress(string document, int percent, string? message, string serviceName)
    {
        var start = document.IndexOf(StatusOpen, StringComparison.Ordinal);
        var end = document.IndexOf(StatusClose, StringComparison.Ordinal);
        if (start < 0 || end < start)
            return document;
        var openEnd = document.IndexOf('>', start);
        var text = message is { Length: > 1 }
            ? message
            : $"The ZOO service \"{serviceName}\" is currently running. Please reload this document to get the up-to-date status of the service.";
        var started = $"\n    <wps:ProcessStarted percentCompleted=\"{percent.ToString(CultureInfo.InvariantCulture)}\">{SecurityElement.Escape(text)}</wps:ProcessStarted>\n  ";
        return document[..(openEnd + 1)] + started + document[end..];
    }
}
