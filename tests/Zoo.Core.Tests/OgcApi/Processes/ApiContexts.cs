using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.OgcApi.Processes;

/// <summary>An OGC API request on a service directory, as the kernel would build its context, and its JSON answer.</summary>
public static class ApiContexts
{
    public const string RootUrl = "http://localhost/ogc-api";

    /// <param name="queryString">as the web server rewrites it: <c>/processes&amp;limit=1</c>.</param>
    public static ApiContext For(string servicePath, string queryString, string oasCfg = "", TextWriter? log = null,
        RunnerCatalog? runners = null, string mainCfg = "")
    {
        var cgi = TestRequests.Get(queryString);
        var config = TestRequests.Config($"[main]\nservicePath = {servicePath}\n{mainCfg}", Path.Combine(servicePath, "main.cfg"));
        var oas = OasConfig.From(IniDocument.Parse($"[openapi]\nrootUrl = {RootUrl}\n{oasCfg}", OasConfig.FileName), null);
        return new ApiContext(ApiRequest.From(cgi)!, config, oas, cgi, log ?? TextWriter.Null, runners ?? RunnerCatalog.Empty);
    }

    public static JsonObject Body(CgiResponse response) => JsonNode.Parse(Encoding.UTF8.GetString(response.Body))!.AsObject();

    /// <summary>The runner of <c>serviceType=HPC</c> in the way that matters here: it only runs asynchronously.</summary>
    public static RunnerCatalog AsyncOnlyRunner(string serviceType) =>
        new(new Dictionary<string, IProcessRunner> { [serviceType] = new AsyncOnly() });

    private sealed class AsyncOnly : IProcessRunner
    {
        public Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ProcessDescription Present(ProcessDescription process) =>
            process with { Keys = new ConfigValues(process.Keys.Append(new("jobControlOptions", "async-execute dismiss"))) };
    }
}
