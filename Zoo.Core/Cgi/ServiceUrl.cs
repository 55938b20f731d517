using Zoo.Core.Configuration;

namespace Zoo.Core.Cgi;

/// <summary>
/// The address clients reach this service at: built from SERVER_NAME, SERVER_PORT, HTTPS and
/// SCRIPT_NAME under a web server, unless [main] proxied says the configured serverAddress is the
/// public one. ZOO drops a port that merely starts with "80"; here only the scheme's own port is dropped.
/// </summary>
public static class ServiceUrl
{
    public const string Undefined = "not_defined";

    public static string For(CgiRequest request, MainConfig config)
    {
        var configured = config.Main["serverAddress"];
        if (config.Main.Contains("proxied") || request.Variable("SERVER_NAME") is not { } host)
            return configured ?? Undefined;
        var https = request.Variable("HTTPS")?.StartsWith("on", StringComparison.OrdinalIgnoreCase) == true;
        var port = request.Variable("SERVER_PORT");
        var defaultPort = https ? "443" : "80";
        var portPart = port is null || port == defaultPort ? "" : ":" + port;
        return $"{(https ? "https" : "http")}://{host}{portPart}{request.Variable("SCRIPT_NAME")}";
    }
}
