using Zoo.Core.Configuration;
using Zoo.Core.Data;

namespace Zoo.Core.Callback;

/// <summary>The sender of a job's calls to main.cfg's callback service, when there is one and the job's service may use it.</summary>
public static class CallbackSenders
{
    /// <returns>null when main.cfg names no callback service, or the service is prohibited.</returns>
    /// <param name="cgiEnvironment">the request's CGI variables, whose headers <c>[security]</c> may forward.</param>
    /// <param name="log">where a misconfigured callback and the lost calls are told (thread-safe: the sender writes from its own thread).</param>
    public static CallbackSender? For(MainConfig config, string service, IReadOnlyDictionary<string, string> cgiEnvironment, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(log);
        CallbackSettings? settings;
        try
        {
            settings = CallbackSettings.From(config);
        }
        catch (ConfigurationException e)
        {
            log.WriteLine($"zoo_loader: no callback: {e.Message}");
            return null;
        }
        if (settings is null || !settings.Allows(service))
            return null;
        var headers = Uri.TryCreate(settings.Url, UriKind.Absolute, out var url)
            ? Forwarding.HeadersFor(FetchSettings.From(config, cgiEnvironment), url)
            : [];
        return new CallbackSender(settings, headers, log);
    }
}
