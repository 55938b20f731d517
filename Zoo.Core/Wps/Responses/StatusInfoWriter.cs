using System.Globalization;
using Zoo.Core.Xml;

namespace Zoo.Core.Wps.Responses;

/// <summary>The WPS 2.0.0 <c>wps:StatusInfo</c>: a job's id and status, and while it runs its progress (the message as a comment, as ZOO writes it).</summary>
public static class StatusInfoWriter
{
    public static ElementNode Build(string jobId, string status, int? percent = null, string? message = null)
    {
        var root = ResponseRoot.Create("wps:StatusInfo", WpsVersion.V200, "GetStatus")
            .TextChild("wps:JobID", jobId)
            .TextChild("wps:Status", status);
        if (percent is { } value)
            root.TextChild("wps:PercentCompleted", value.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(message))
            root.Add(new CommentNode(message));
        return root;
    }
}
