using System.Diagnostics;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// Runs a published CGI the way a web server does: a clean environment of CGI variables, the request
/// body on standard input, the script's directory as working directory; then reads everything it wrote.
/// </summary>
public static class CgiProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static CgiResult Get(string workingDirectory, string queryString, IDictionary<string, string>? extra = null,
        string? executable = null) =>
        Run(workingDirectory, "GET", queryString, [], null, extra, executable);

    public static CgiResult Post(string workingDirectory, string body, string queryString = "", string contentType = "text/xml") =>
        Run(workingDirectory, "POST", queryString, System.Text.Encoding.UTF8.GetBytes(body), contentType, null);

    public static CgiResult Run(string workingDirectory, string method, string queryString, byte[] body,
        string? contentType, IDictionary<string, string>? extra, string? executable = null)
    {
        var (output, error, exitCode) = Execute(workingDirectory, method, queryString, body, contentType, extra, executable);
        return CgiResult.Parse(output, error, exitCode);
    }

    /// <summary>Runs the CGI and returns what it wrote, untouched: standard output, standard error, exit code.</summary>
    public static (byte[] Output, string Error, int ExitCode) Execute(string workingDirectory, string method, string queryString,
        byte[] body, string? contentType, IDictionary<string, string>? extra, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? RepositoryPaths.ZooLoader)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["GATEWAY_INTERFACE"] = "CGI/1.1";
        start.Environment["REQUEST_METHOD"] = method;
        start.Environment["QUERY_STRING"] = queryString;
        if (body.Length > 0)
            start.Environment["CONTENT_LENGTH"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (contentType is not null)
            start.Environment["CONTENT_TYPE"] = contentType;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        process.StandardInput.BaseStream.Write(body);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {Timeout}");
        }
        copy.Wait();
        return (stdout.ToArray(), stderr.Result, process.ExitCode);
    }
}
