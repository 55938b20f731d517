using System.Net;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// Online: whether tmpUrl serves tmpPath, the way clients will use it: a small file written into tmpPath, fetched
/// through tmpUrl, compared, then removed. A web server that cannot be reached is a warning (the check may run before
/// it is started); one that answers with anything else than the file is an error: every reference to an output, every
/// status location would be broken.
/// </summary>
public sealed class TmpUrlProbe : IConfigCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var main = context.Config.Main;
        if (context.Offline || main["tmpPath"] is not { Length: > 0 } tmpPath || main["tmpUrl"] is not { Length: > 0 } tmpUrl
            || !Uri.TryCreate(tmpUrl.Trim(), UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
            return;
        var directory = Path.GetFullPath(tmpPath.Trim(), context.MainDirectory);
        var name = $"zoo-check-config-{Guid.NewGuid():N}.txt";
        var file = Path.Combine(directory, name);
        var url = new Uri(root.ToString().TrimEnd('/') + "/" + name);
        var place = context.InMain("main", "tmpUrl");
        try
        {
            await File.WriteAllTextAsync(file, name, cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // tmpPath itself is reported by DirectoriesCheck
        }
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxAutomaticRedirections = 3 }) { Timeout = Timeout };
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
                findings.Error(place, $"does not serve tmpPath: GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase} for a file written in {directory}");
            else if (body != name)
                findings.Error(place, $"does not serve tmpPath: GET {url} answered with something else than the file written in {directory}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            findings.Warning(place, $"cannot be checked: GET {url} failed ({e.Message}); is the web server running?");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
