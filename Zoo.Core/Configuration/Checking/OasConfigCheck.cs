using Zoo.Core.OgcApi.Configuration;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// oas.cfg, beside main.cfg, which the OGC API - Processes side of the kernel reads for every request: absent, that API
/// answers each request with an error (WPS works without it); present, it must read, and the base of every link it
/// gives (<c>[openapi] rootUrl</c>, or <c>rootHost</c> and <c>rootPath</c>) must be an absolute http(s) URL.
/// </summary>
public sealed class OasConfigCheck : IConfigCheck
{
    public Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(context.MainDirectory, OasConfig.FileName);
        if (!File.Exists(path))
        {
            findings.Notice(new Place(path, 0), "does not exist: the OGC API - Processes answers every request with an error (WPS is not concerned)");
            return Task.CompletedTask;
        }
        if (!context.Access.CanRead(path))
            findings.Error(new Place(path, 0), $"{context.Access.UserName} cannot read it: the OGC API - Processes answers every request with an error");
        IniDocument document;
        var lines = new IniSourceMap();
        try
        {
            document = IniDocument.Parse(TextFiles.Read(path), path, lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Error(new Place(path, 0), $"cannot be read: {e.Message}");
            return Task.CompletedTask;
        }
        foreach (var error in lines.Errors)
            findings.Error(new Place(path, error.Line), SyntaxErrors.Detail(error, path));

        var openApi = document["openapi"];
        var key = openApi["rootHost"] is { Length: > 0 } && openApi["rootPath"] is { Length: > 0 } ? "rootHost" : "rootUrl";
        var line = lines.LineOf("openapi", key);
        var place = new Place(path, line > 0 ? line : lines.LineOf("openapi"), "openapi", key);
        var root = OasConfig.From(document, null).RootUrl;
        if (line == 0 && key == "rootUrl")
            findings.Warning(place, $"is not set: every link of the API starts with {root}");
        else if (!Uri.TryCreate(root, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            findings.Error(place, $"every link of the API would start with {root}, which is not an absolute http or https URL");
        return Task.CompletedTask;
    }
}
