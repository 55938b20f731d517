using System.Diagnostics;
using System.Net;
using System.Text;
using System.Xml.Linq;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Publishing;

/// <summary>How an Execute is sent and its result obtained.</summary>
public enum WpsMode
{
    /// <summary>WPS 1.0.0 ResponseDocument, answered when the job is over.</summary>
    Sync100,

    /// <summary>WPS 1.0.0 ResponseDocument with storeExecuteResponse and status: the statusLocation is polled.</summary>
    Async100,

    /// <summary>WPS 2.0.0 response="document" mode="sync".</summary>
    Sync200,

    /// <summary>WPS 2.0.0 response="document" mode="async": GetStatus until the job ends, then GetResult.</summary>
    Async200,
}

/// <summary>An input of an Execute: its bytes, sent inline (base64 for binary data) or by reference to <see cref="Url"/>.</summary>
public sealed record JobInput(string MimeType, byte[] Content, bool Binary, string Url);

/// <summary>An HTTP answer.</summary>
public sealed record HttpAnswer(HttpStatusCode Status, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>An OWS exception: its code, locator and text.</summary>
public sealed record OwsException(string? Code, string? Locator, string Text);

/// <summary>
/// A finished Execute: every document the server answered along the way (the Execute answer, the status
/// documents as the status changed, the 2.0.0 GetResult), the last of which holds the outputs or the exception.
/// </summary>
public sealed class JobRun(WpsMode mode, string? jobId, IReadOnlyList<(string What, byte[] Body)> documents, string? finalStatus)
{
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    public WpsMode Mode { get; } = mode;

    /// <summary>The job's id; null for a synchronous job (its answers do not name it).</summary>
    public string? JobId { get; } = jobId;

    public IReadOnlyList<(string What, byte[] Body)> Documents { get; } = documents;

    /// <summary>What the OGC schemas say of each document (null: valid), when the job's runner validated them.</summary>
    public IReadOnlyList<(string What, string? Problems)> Validation { get; init; } = [];

    /// <summary>The last status of an asynchronous job (1.0.0: ProcessSucceeded, ProcessFailed; 2.0.0: Succeeded, Failed).</summary>
    public string? FinalStatus { get; } = finalStatus;

    public XElement Final => Parse(Documents[^1]);

    public string Dump => string.Join("\n", Documents.Select(d => $"--- {d.What}:\n{Encoding.UTF8.GetString(d.Body)}"));

    /// <summary>The reference of the single output; fails the test when the job has none.</summary>
    public (string Href, string? MimeType) Reference()
    {
        var reference = Final.Descendants().FirstOrDefault(e => e.Name.LocalName == "Reference")
                        ?? throw new AssertionException("the job returned no reference:\n" + Dump);
        var href = reference.Attribute("href")?.Value ?? reference.Attribute(Xlink + "href")?.Value
                   ?? throw new AssertionException("a reference without href:\n" + Dump);
        return (href, reference.Attribute("mimeType")?.Value);
    }

    /// <summary>The first exception of the job's final document (an ExceptionReport, or a 1.0.0 ProcessFailed); null when it has none.</summary>
    public OwsException? Exception()
    {
        var exception = Final.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Exception");
        return exception is null
            ? null
            : new OwsException(exception.Attribute("exceptionCode")?.Value, exception.Attribute("locator")?.Value,
                exception.Elements().FirstOrDefault(e => e.Name.LocalName == "ExceptionText")?.Value ?? "");
    }

    private XElement Parse((string What, byte[] Body) document)
    {
        try
        {
            return XDocument.Parse(Encoding.UTF8.GetString(document.Body)).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AssertionException($"the {document.What} is not XML ({e.Message}):\n{Dump}");
        }
    }
}

/// <summary>The kernel and what it links to, as a client reaches them through serve.sh's nginx.</summary>
public sealed class ServedWps(HttpClient http, Uri loader)
{
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";

    public Uri Loader { get; } = loader;

    public async Task<HttpAnswer> GetAsync(string url)
    {
        using var response = await http.GetAsync(new Uri(url));
        return new HttpAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    public Task<HttpAnswer> GetKvpAsync(string query) => GetAsync(Loader + "?" + query);

    public async Task<HttpAnswer> PostAsync(string xml)
    {
        using var response = await http.PostAsync(Loader, new StringContent(xml, Encoding.UTF8, "text/xml"));
        return new HttpAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Executes <paramref name="process"/> with <paramref name="input"/> as InputData and Result asked by reference
    /// in <paramref name="outputMimeType"/> (the default format when null), and follows the job to its end.
    /// </summary>
    public async Task<JobRun> ExecuteAsync(string process, JobInput input, string? outputMimeType, WpsMode mode, bool inline)
    {
        var answer = await PostAsync(mode is WpsMode.Sync100 or WpsMode.Async100
            ? Execute10(process, input, outputMimeType, mode == WpsMode.Async100, inline)
            : Execute20(process, input, outputMimeType, mode == WpsMode.Async200 ? "async" : "sync", inline));
        var documents = new List<(string, byte[])> { ("Execute answer", answer.Body) };
        return mode switch
        {
            WpsMode.Async100 => await FollowStatusLocationAsync(answer, documents),
            WpsMode.Async200 => await FollowJobAsync(answer, documents),
            _ => new JobRun(mode, null, documents, null),
        };
    }

    public Task<HttpAnswer> DismissAsync(string jobId) => GetKvpAsync($"service=WPS&version=2.0.0&request=Dismiss&JobID={Uri.EscapeDataString(jobId)}");

    private async Task<JobRun> FollowStatusLocationAsync(HttpAnswer accepted, List<(string, byte[])> documents)
    {
        var location = Root(accepted).Attribute("statusLocation")?.Value
                       ?? throw new AssertionException("no statusLocation:\n" + accepted.Text);
        var jobId = Async.AsyncRequests.JobIdOfLocation(location);
        var clock = Stopwatch.StartNew();
        var last = "";
        while (true)
        {
            var answer = await GetAsync(location);
            var status = Root(answer).Element(Wps10 + "Status")?.Elements().FirstOrDefault()?.Name.LocalName
                         ?? throw new AssertionException("a status document without wps:Status:\n" + answer.Text);
            if (status != last)
                documents.Add(($"status document ({status})", answer.Body));
            last = status;
            if (status is "ProcessSucceeded" or "ProcessFailed")
                return new JobRun(WpsMode.Async100, jobId, documents, status);
            if (clock.Elapsed > JobDeadline)
                throw new AssertionException($"job {jobId} still {status} after {JobDeadline}");
            await Task.Delay(PollInterval);
        }
    }

    private async Task<JobRun> FollowJobAsync(HttpAnswer accepted, List<(string, byte[])> documents)
    {
        var jobId = Root(accepted).Element(Wps20 + "JobID")?.Value ?? throw new AssertionException("no wps:JobID:\n" + accepted.Text);
        var clock = Stopwatch.StartNew();
        var last = "";
        while (true)
        {
            var answer = await GetKvpAsync($"service=WPS&version=2.0.0&request=GetStatus&JobID={Uri.EscapeDataString(jobId)}");
            var status = Root(answer).Element(Wps20 + "Status")?.Value ?? throw new AssertionException("no wps:Status:\n" + answer.Text);
            if (status != last)
                documents.Add(($"GetStatus ({status})", answer.Body));
            last = status;
            if (status is "Succeeded" or "Failed")
                break;
            if (clock.Elapsed > JobDeadline)
                throw new AssertionException($"job {jobId} still {status} after {JobDeadline}");
            await Task.Delay(PollInterval);
        }
        var result = await GetKvpAsync($"service=WPS&version=2.0.0&request=GetResult&JobID={Uri.EscapeDataString(jobId)}");
        documents.Add(("GetResult", result.Body));
        return new JobRun(WpsMode.Async200, jobId, documents, last);
    }

    private static XElement Root(HttpAnswer answer)
    {
        try
        {
            return XDocument.Parse(answer.Text).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AssertionException($"not XML ({e.Message}), HTTP {(int)answer.Status}:\n{answer.Text}");
        }
    }

    private static string InputContent(JobInput input) =>
        input.Binary ? Convert.ToBase64String(input.Content) : X(Encoding.UTF8.GetString(input.Content));

    private static string InputAttributes(JobInput input) =>
        $"mimeType=\"{X(input.MimeType)}\"" + (input.Binary ? " encoding=\"base64\"" : "");

    private static string OutputMimeType(string? mimeType) => mimeType is null ? "" : $" mimeType=\"{X(mimeType)}\"";

    private static string Execute10(string process, JobInput input, string? outputMimeType, bool async, bool inline) =>
        Xml10(process,
            inline
                ? Complex10("InputData", InputAttributes(input), InputContent(input))
                : Reference10("InputData", input.Url, $"mimeType=\"{X(input.MimeType)}\""),
            $"<wps:ResponseDocument{(async ? " storeExecuteResponse=\"true\" status=\"true\"" : "")}>"
            + $"<wps:Output asReference=\"true\"{OutputMimeType(outputMimeType)}><ows:Identifier>Result</ows:Identifier></wps:Output>"
            + "</wps:ResponseDocument>");

    private static string Execute20(string process, JobInput input, string? outputMimeType, string mode, bool inline) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute service="WPS" version="2.0.0" response="document" mode="{mode}" {Wps20Namespaces}>
          <ows:Identifier>{process}</ows:Identifier>
          {(inline
              ? Data20("InputData", InputAttributes(input), InputContent(input))
              : Reference20("InputData", input.Url, $"mimeType=\"{X(input.MimeType)}\""))}
          {Output20("Result", "reference", OutputMimeType(outputMimeType))}
        </wps:Execute>
        """;
}
