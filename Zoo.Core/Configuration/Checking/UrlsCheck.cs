namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// <c>[main] tmpUrl</c>, where clients fetch what the kernel writes in tmpPath (outputs, status documents), and
/// <c>serverAddress</c>, this service's own URL: both absolute http(s) URLs, normally on one host, since a client that
/// reaches the service must also reach its results.
/// </summary>
public sealed class UrlsCheck : IConfigCheck
{
    public Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var main = context.Config.Main;
        var tmpUrl = Absolute(context, findings, "tmpUrl", main["tmpUrl"],
            "is missing: references to outputs and the status locations of asynchronous jobs are built from it", Severity.Error,
            "is not an absolute URL: it is resolved against the URL each request comes to, which a worker or a proxied client may not share");
        var serverAddress = Absolute(context, findings, "serverAddress", main["serverAddress"],
            "is not set: the kernel names itself from the web server's SCRIPT_NAME and host", Severity.Notice,
            "is not an absolute URL: the documents name this service with it");
        if (tmpUrl is not null && serverAddress is not null && !string.Equals(tmpUrl.Host, serverAddress.Host, StringComparison.OrdinalIgnoreCase))
            findings.Warning(context.InMain("main", "tmpUrl"),
                $"its host {tmpUrl.Host} is not serverAddress's host {serverAddress.Host}: clients of this service must reach both");
        return Task.CompletedTask;
    }

    private static Uri? Absolute(CheckContext context, FindingList findings, string key, string? value,
        string missing, Severity missingSeverity, string relative)
    {
        var place = context.InMain("main", key);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (missingSeverity == Severity.Error)
                findings.Error(place, missing);
            else
                findings.Notice(place, missing);
            return null;
        }
        var text = value.Trim();
        // On Unix, .NET reads "/temp/" as a file URI: for main.cfg it is a path on this server.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.IsFile && text.StartsWith('/')))
        {
            if (!text.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Relative, out _))
                findings.Warning(place, $"{text} {relative}");
            else
                findings.Error(place, $"{text} is not a URL");
            return null;
        }
        if (uri.Scheme is not ("http" or "https"))
        {
            findings.Error(place, $"{text} must be an http or https URL");
            return null;
        }
        return uri;
    }
}
