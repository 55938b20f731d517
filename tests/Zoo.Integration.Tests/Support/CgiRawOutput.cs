namespace Zoo.Integration.Tests.Support;

/// <summary>
/// Runs the published CGI like <see cref="CgiProcess"/> but keeps everything it wrote on standard
/// output exactly as written (header lines, line ends, body), for byte-for-byte comparisons.
/// </summary>
public static class CgiRawOutput
{
    public static byte[] Get(string workingDirectory, string queryString) =>
        Run(workingDirectory, "GET", queryString, [], null);

    public static byte[] Post(string workingDirectory, string body, string contentType = "text/xml") =>
        Run(workingDirectory, "POST", "", System.Text.Encoding.UTF8.GetBytes(body), contentType);

    public static byte[] Run(string workingDirectory, string method, string queryString, byte[] body, string? contentType) =>
        CgiProcess.Execute(workingDirectory, method, queryString, body, contentType, extra: null).Output;
}
