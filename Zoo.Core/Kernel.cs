using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Routing;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Operations;
using Zoo.Core.Wps.Requests;
using Zoo.Core.Xml;

namespace Zoo.Core;

/// <summary>Answers one CGI request: finds main.cfg, parses the request and hands it to its operation.</summary>
public sealed class Kernel(string workingDirectory, string executableDirectory, TextWriter log,
    Func<MainConfig, RunnerCatalog> runners)
{
    private const string DefaultLanguage = "en-US";

    /// <param name="standardInput">where the body comes from, read within main.cfg's limit; null when <paramref name="cgi"/> carries it.</param>
    public async Task<CgiResponse> HandleAsync(CgiRequest cgi, Stream? standardInput = null, CancellationToken cancellationToken = default)
    {
        MainConfig config;
        try
        {
            config = LoadConfig(cgi);
        }
        catch (WpsException e) when (ApiRequest.IsCarriedBy(cgi))
        {
            return ApiKernel.Problem(new MainConfig(IniDocument.Parse("", MainConfig.FileName), MainConfig.FileName), null,
                new ApiException("InternalError", 500, e.Errors[0].Text));
        }
        catch (WpsException e)
        {
            return Report(e, WpsVersion.V100, DefaultLanguage, "utf-8", []);
        }

        if (cgi.Method == "OPTIONS" && config.Main.IsTrue("cors"))
            return Cors(config);

        ApiRequest? api;
        try
        {
            api = ApiRequest.From(cgi);
        }
        catch (ApiException e)
        {
            return ApiKernel.Problem(config, null, e);
        }

        if (standardInput is not null)
        {
            try
            {
                cgi = cgi with { Body = RequestBodyReader.Read(cgi.Environment, standardInput, config.Limits.MaxRequestBytes, SpoolDirectory(config)) };
            }
            catch (BodyTooLargeException e) when (api is not null)
            {
                return ApiKernel.Problem(config, api, new ApiException("FileSizeExceeded", 413,
                    $"The request body is larger than the {e.MaxBytes} bytes this server accepts."));
            }
            catch (BodyTooLargeException e)
            {
                return Report(Messages.TooLarge("request body", e.MaxBytes), WpsVersion.Find(config.DefaultVersion) ?? WpsVersion.V100,
                    config.DefaultLanguage, config.Encoding, config.ExtraHeaders);
            }
        }
        using var body = cgi.Body;
        return api is not null
            ? await ApiKernel.AnswerAsync(api, cgi, config, runners(config), log, cancellationToken)
            : await AnswerAsync(cgi, config, cancellationToken);
    }

    private async Task<CgiResponse> AnswerAsync(CgiRequest cgi, MainConfig config, CancellationToken cancellationToken)
    {
        WpsRequest request;
        try
        {
            request = WpsRequestParser.Parse(cgi, config);
        }
        catch (RequestRejectedException e)
        {
            return Report(e.Error, e.Version, e.Language, config.Encoding, config.ExtraHeaders);
        }
        catch (WpsException e)
        {
            return Report(e, WpsVersion.Find(config.DefaultVersion) ?? WpsVersion.V100, config.DefaultLanguage,
                config.Encoding, config.ExtraHeaders);
        }

        var context = new WpsRequestContext(request, config, cgi, ServiceUrl.For(cgi, config), log);
        try
        {
            return await DispatchAsync(context, cancellationToken) switch
            {
                OperationAnswer.Raw raw => raw.Response,
                OperationAnswer.Document document => CgiResponse.Xml(StatusLine(config, "200 OK"),
                    Serialize(document.Root, request.IsSoap, config.Encoding), config.Encoding, config.ExtraHeaders),
                _ => throw new InvalidOperationException("an operation answered nothing"),
            };
        }
        catch (WpsException e)
        {
            return Report(e, request.Version, request.Language, config.Encoding, config.ExtraHeaders, request.IsSoap);
        }
        catch (Exception e)
        {
            // A bug or an operator's environment (permissions, disk): the details go to the log,
            // the client gets a report, never a stack trace.
            log.WriteLine($"zoo_loader: {request.Operation}: {e}");
            return Report(new WpsException("NoApplicableCode", null, "ZOO Kernel failed to process your request."),
                request.Version, request.Language, config.Encoding, config.ExtraHeaders, request.IsSoap);
        }
    }

    /// <summary>The answer when something failed outside any request's handling: logged, and a report.</summary>
    public static CgiResponse Unexpected(Exception error, TextWriter log)
    {
        log.WriteLine($"zoo_loader: {error}");
        return Report(new WpsException("NoApplicableCode", null, "ZOO Kernel failed to process your request."),
            WpsVersion.V100, DefaultLanguage, "utf-8", ConfigValues.Empty);
    }

    private async Task<OperationAnswer> DispatchAsync(WpsRequestContext context, CancellationToken cancellationToken) =>
        context.Request.Operation switch
        {
            "GetCapabilities" => new OperationAnswer.Document(GetCapabilities.Handle(context, runners(context.Config))),
            "DescribeProcess" => new OperationAnswer.Document(DescribeProcess.Handle(context, runners(context.Config))),
            "Execute" => await Execute.HandleAsync(context, runners(context.Config), cancellationToken),
            "GetStatus" => JobOperations.GetStatus(context),
            "GetResult" => JobOperations.GetResult(context),
            "Dismiss" => await JobOperations.DismissAsync(context),
            _ => throw Messages.NotDispatched(context.Request.Version),
        };

    private MainConfig LoadConfig(CgiRequest cgi)
    {
        var metaPath = KvpReaderOrNull(cgi.QueryString, "metapath");
        var path = MainConfigLocator.Find(workingDirectory, executableDirectory, metaPath);
        if (path is null)
        {
            log.WriteLine($"zoo_loader: no {MainConfig.FileName} in {workingDirectory} or {executableDirectory} (metapath \"{metaPath}\")");
            throw Messages.UnreadableMainConfig();
        }
        try
        {
            return MainConfig.Load(path);
        }
        catch (Exception e) when (e is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"zoo_loader: {e.Message}");
            throw Messages.UnreadableMainConfig();
        }
    }

    /// <summary>Where a large body is spooled: tmpPath, which the kernel writes anyway, else the system's temporary directory.</summary>
    private static string SpoolDirectory(MainConfig config) =>
        config.TmpPath is { Length: > 0 } tmpPath && Directory.Exists(tmpPath) ? tmpPath : Path.GetTempPath();

    /// <summary>The metapath parameter, if the query string names one that decodes.</summary>
    private static string? KvpReaderOrNull(string queryString, string name)
    {
        try
        {
            return KvpReader.Parse(queryString)[name];
        }
        catch (WpsException)
        {
            return null;
        }
    }

    private static CgiResponse Cors(MainConfig config)
    {
        var headers = config.ExtraHeaders.ToList();
        headers.Add(new("Content-Type", $"text/plain; charset={config.Encoding}"));
        headers.Add(new("Status", "200 OK"));
        return new CgiResponse(headers, "CORS is enabled.\r\n"u8.ToArray());
    }

    private static CgiResponse Report(WpsException error, WpsVersion version, string language, string encoding,
        IEnumerable<KeyValuePair<string, string>> headers, bool soap = false)
    {
        var document = ExceptionReportWriter.Build(error.Errors, version, language);
        return CgiResponse.Xml(error.HttpStatus, Serialize(document, soap, encoding), encoding, headers);
    }

    private static string Serialize(ElementNode document, bool soap, string encoding) =>
        XmlFormatter.Document(soap ? SoapEnvelope.Wrap(document) : document, encoding);

    private static string StatusLine(MainConfig config, string fallback) => config.Headers["status"] ?? fallback;
}
