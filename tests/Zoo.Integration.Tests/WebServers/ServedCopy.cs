using System.Net;
using System.Text;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.WebServers;

/// <summary>An HTTP answer: its status, media type (without parameters) and body.</summary>
public sealed record WebAnswer(HttpStatusCode Status, string? MediaType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The answer as a CGI result, for the helpers that read one (StatusInfo).</summary>
    public CgiResult AsCgiResult() => new([], Body, "", 0);

    public override string ToString() => $"{(int)Status} {MediaType}: {Text}";
}

/// <summary>
/// A copy of dist/cgi-bin served by serve.sh with one web server for a test class, its addresses (main.cfg's
/// serverAddress and tmpUrl, oas.cfg's rootUrl) naming the served port, so that every link it answers with can be
/// followed; and requests to it, made as any HTTP client makes them.
/// </summary>
public sealed class ServedCopy : IDisposable
{
    private readonly ServeScript _server;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private ServedCopy(ServiceDirectory dist, ServeScript server)
    {
        Dist = dist;
        _server = server;
    }

    public ServiceDirectory Dist { get; }

    public WebServer Server => _server.Server;

    public string Root => $"http://127.0.0.1:{_server.Port}";

    /// <summary>zoo_loader.cgi's URL.</summary>
    public string Wps => Root + "/cgi-bin/zoo_loader.cgi";

    public string TmpUrl => Root + "/temp/";

    /// <param name="server">"nginx" or "apache", as the test fixtures name them.</param>
    public static ServedCopy Start(string server)
    {
        var dist = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        try
        {
            var served = ServeScript.Start(dist.Path, Enum.Parse<WebServer>(server, ignoreCase: true));
            // The port is known once served; the kernel reads both files at every request.
            var root = $"http://127.0.0.1:{served.Port}";
            dist.SetConfig("main", "serverAddress", root + "/cgi-bin/zoo_loader.cgi");
            dist.SetConfig("main", "tmpUrl", root + "/temp/");
            SetRootUrl(dist, root + "/ogc-api");
            return new ServedCopy(dist, served);
        }
        catch
        {
            dist.Dispose();
            throw;
        }
    }

    public WebAnswer Get(string url, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return Send(request, headers);
    }

    public WebAnswer Post(string url, string body, string contentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        return Send(request, headers);
    }

    /// <summary>A KVP request to zoo_loader.cgi.</summary>
    public WebAnswer Kvp(string query) => Get(Wps + "?" + query);

    /// <summary>An XML request POSTed to zoo_loader.cgi.</summary>
    public WebAnswer PostXml(string xml) => Post(Wps, xml, "text/xml");

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        new AsyncJobs(Dist).KillAllWorkers();
        Dist.Dispose();
    }

    private WebAnswer Send(HttpRequestMessage request, IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = _http.Send(request);
        return new WebAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
    }

    private static void SetRootUrl(ServiceDirectory dist, string rootUrl)
    {
        var file = Path.Combine(dist.Path, "oas.cfg");
        var lines = File.ReadAllLines(file);
        var at = Array.FindIndex(lines, l => l.StartsWith("rootUrl=", StringComparison.Ordinal));
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "oas.cfg has no rootUrl line");
        lines[at] = "rootUrl=" + rootUrl;
        File.WriteAllLines(file, lines);
    }
}
