using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// The repository's serve.sh (nginx + fcgiwrap) serving a CGI directory on a free port of 127.0.0.1,
/// started with --background and stopped with --stop.
/// </summary>
public sealed class ServeScript : IDisposable
{
    private static readonly TimeSpan ScriptDeadline = TimeSpan.FromSeconds(120);

    private ServeScript(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public Uri Loader => new($"http://127.0.0.1:{Port}/cgi-bin/zoo_loader.cgi");

    /// <summary>Starts serve.sh; fails the test with serve.sh's own output when it cannot.</summary>
    public static ServeScript Start(string directory)
    {
        var server = new ServeScript(FreePort(), directory);
        var (exitCode, output) = server.Run("--background");
        if (exitCode != 0)
            Assert.Fail($"serve.sh --background could not start a server (exit {exitCode}):\n{output}");
        return server;
    }

    public void Dispose()
    {
        var (exitCode, output) = Run("--stop");
        if (exitCode != 0)
            TestContext.Progress.WriteLine($"serve.sh --stop failed (exit {exitCode}):\n{output}");
    }

    private (int ExitCode, string Output) Run(string option)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "serve.sh"), option },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ZOO_DIST"] = Directory;
        start.Environment["ZOO_SERVE_LOG"] = Path.Combine(Path.GetTempPath(), $"zoo-serve-it.{Port}.log");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptDeadline))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"serve.sh {option} did not return within {ScriptDeadline}");
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
