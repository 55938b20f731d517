using System.Diagnostics;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// Runs the published CGI like <see cref="CgiProcess"/> but keeps everything it wrote on standard
/// output exactly as written (header lines, line ends, body), for byte-for-byte comparisons.
/// </summary>
public static class CgiRawOutput
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static byte[] Get(string workingDirectory, string queryString) =>
        Run(workingDirectory, "GET", queryString, [], null);

    public static byte[] Post(string workingDirectory, string body, string contentType = "text/xml") =>
        Run(workingDirectory, "POST", "", System.Text.Encoding.UTF8.GetBytes(body), contentType);

    public static byte[] Run(string workingDirectory, string method, string queryString, byte[] body, string? contentType)
    {
        var start = new ProcessStartInfo(RepositoryPaths.ZooLoader)
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
        _ = stderr.Result;
        return stdout.ToArray();
    }
}
