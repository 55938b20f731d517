using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Zoo.Integration.Tests.Support;

/// <summary>The web servers serve.sh deploys the CGIs with.</summary>
public enum WebServer
{
    /// <summary>nginx + fcgiwrap (serve.sh's default).</summary>
    Nginx,

    /// <summary>Apache 2.4 with mod_cgid (serve.sh --apache).</summary>
    Apache,
}

/// <summary>
/// The repository's serve.sh (nginx + fcgiwrap, or Apache with mod_cgid) serving a CGI directory on a free
/// port of 127.0.0.1, started with --background and stopped with --stop.
/// </summary>
public sealed class ServeScript : IDisposable
{
    private static readonly TimeSpan ScriptDeadline = TimeSpan.FromSeconds(120);

    private ServeScript(int port, string directory, WebServer server)
    {
        Port = port;
        Directory = directory;
        Server = server;
    }

    public int Port { get; }

    public WebServer Server { get; }

    public string Directory { get; }

    public Uri Loader => new($"http://127.0.0.1:{Port}/cgi-bin/zoo_loader.cgi");

    /// <summary>The web server's access log (nginx's or Apache's: the status follows the quoted request line), in serve.sh's run directory.</summary>
    public string AccessLog => Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } tmp ? tmp : "/tmp",
        $"zoo-serve.{Port}", "access.log");

    /// <summary>Starts serve.sh; fails the test with serve.sh's own output when it cannot.</summary>
    public static ServeScript Start(string directory, WebServer server = WebServer.Nginx)
    {
        string[] options = ["--background"];
        if (server == WebServer.Apache)
        {
            options = ["--apache", "--background"];
            // Apache never runs a CGI as root: as root, serve.sh runs them as www-data, which must get into the copy
            // (a temporary directory of mode 0700).
            if (OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException("serve.sh serves on Linux");
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var served = new ServeScript(FreePort(), directory, server);
        var (exitCode, output) = served.Run(options);
        if (exitCode != 0)
            Assert.Fail($"serve.sh {string.Join(' ', options)} could not start a server (exit {exitCode}):\n{output}");
        return served;
    }

    public void Dispose()
    {
        var (exitCode, output) = Run("--stop");
        if (exitCode != 0)
            TestContext.Progress.WriteLine($"serve.sh --stop failed (exit {exitCode}):\n{output}");
    }

    private (int ExitCode, string Output) Run(params string[] options)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "serve.sh") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var option in options)
            start.ArgumentList.Add(option);
        start.Environment["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ZOO_DIST"] = Directory;
        start.Environment["ZOO_SERVE_LOG"] = Path.Combine(Path.GetTempPath(), $"zoo-serve-it.{Port}.log");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptDeadline))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"serve.sh {string.Join(' ', options)} did not return within {ScriptDeadline}");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
