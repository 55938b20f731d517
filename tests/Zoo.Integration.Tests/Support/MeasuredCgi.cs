using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Zoo.Integration.Tests.Support;

/// <summary>
/// What one CGI process cost, as the kernel accounted it to its parent (wait4's rusage): CPU seconds, user plus
/// system, and the peak resident set in KiB, both including the processes it waited for (its Python services);
/// and the wall time from its start to its exit.
/// </summary>
public sealed record CgiCost(double CpuSeconds, long MaxRssKiB, TimeSpan Elapsed)
{
    public double MaxRssMiB => MaxRssKiB / 1024.0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CpuSeconds:0.000} s CPU, {MaxRssMiB:0.0} MiB peak RSS, {Elapsed.TotalSeconds:0.000} s wall");
}

/// <summary>A measured CGI run: its answer, its cost, and how many bytes of the body file it left unread on its standard input.</summary>
public sealed record MeasuredCgiResult(CgiResult Result, CgiCost Cost, long UnreadBodyBytes);

/// <summary>
/// Runs the published CGI like <see cref="CgiProcess"/> (a clean environment of CGI variables, the directory as
/// working directory) and measures it per process: a small python3 parent forks, gives the CGI the body file (or
/// /dev/null) as standard input, execs it with exactly the CGI variables (handed to the parent as JSON on its standard
/// input, so that nothing python3 adds to its own environment, such as LC_CTYPE, reaches the CGI), and reaps it with
/// <c>os.wait4</c>,
/// whose rusage is the CGI's own accounting. The body is streamed from a file, never held by the test; after the
/// CGI exits, the parent counts what is left of that file on the shared descriptor (what the CGI did not read).
/// </summary>
public static class MeasuredCgi
{
    /// <summary>The bound the hardening issue sets on every request, answered or refused.</summary>
    public const double CpuBoundSeconds = 1.0;

    public const long RssBoundKiB = 64 * 1024;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private const string Parent = """
        import json, os, sys, time
        cgi, stats, body = sys.argv[1], sys.argv[2], sys.argv[3]
        environment = json.loads(sys.stdin.buffer.read())
        fd = os.open(body, os.O_RDONLY)
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.dup2(fd, 0)
                os.close(fd)
                os.execve(cgi, [cgi], environment)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.monotonic() - start
        unread = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            unread += len(chunk)
        with open(stats, "w") as out:
            out.write("%r %r %d %r %d %d" % (usage.ru_utime, usage.ru_stime, usage.ru_maxrss, elapsed, unread, os.waitstatus_to_exitcode(status)))
        """;

    public static MeasuredCgiResult Get(string workingDirectory, string queryString, IDictionary<string, string>? extra = null) =>
        Run(workingDirectory, "GET", queryString, null, null, null, extra);

    /// <summary>A POST whose body is the file, with its length as CONTENT_LENGTH.</summary>
    public static MeasuredCgiResult Post(string workingDirectory, string bodyFile, string contentType, string queryString = "",
        IDictionary<string, string>? extra = null) =>
        Run(workingDirectory, "POST", queryString, bodyFile, contentType, new FileInfo(bodyFile).Length, extra);

    /// <param name="bodyFile">the standard input (null: /dev/null).</param>
    /// <param name="contentLength">CONTENT_LENGTH as the web server would set it (null: not set), whatever the file holds.</param>
    public static MeasuredCgiResult Run(string workingDirectory, string method, string queryString, string? bodyFile, string? contentType,
        long? contentLength, IDictionary<string, string>? extra, TimeSpan? timeout = null)
    {
        var stats = Path.Combine(Path.GetTempPath(), $"zoo-cgi-cost-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["GATEWAY_INTERFACE"] = "CGI/1.1",
            ["REQUEST_METHOD"] = method,
            ["QUERY_STRING"] = queryString,
        };
        if (contentLength is { } length)
            environment["CONTENT_LENGTH"] = length.ToString(CultureInfo.InvariantCulture);
        if (contentType is not null)
            environment["CONTENT_TYPE"] = contentType;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            environment[name] = value;
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-S", "-c", Parent, RepositoryPaths.ZooLoader, stats, bodyFile ?? "/dev/null" },
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";

        var limit = timeout ?? DefaultTimeout;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
            process.StandardInput.BaseStream.Write(JsonSerializer.SerializeToUtf8Bytes(environment));
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{RepositoryPaths.ZooLoader} did not finish within {limit}");
            }
            copy.Wait();
            var fields = File.ReadAllText(stats).Split(' ');
            double Number(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            var cost = new CgiCost(Number(0) + Number(1), long.Parse(fields[2], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(Number(3)));
            var exitCode = int.Parse(fields[5], CultureInfo.InvariantCulture);
            var result = CgiResult.Parse(stdout.ToArray(), stderr.Result, exitCode);
            return new MeasuredCgiResult(result, cost, long.Parse(fields[4], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(stats);
        }
    }

    /// <summary>The bound: within 1 s of CPU and under 64 MiB of peak RSS, answered or refused.</summary>
    public static void AssertBounded(MeasuredCgiResult run, string what)
    {
        TestContext.Out.WriteLine($"cost of {what}: {run.Cost}");
        Assert.Multiple(() =>
        {
            Assert.That(run.Cost.CpuSeconds, Is.LessThan(CpuBoundSeconds), $"CPU of {what} ({run.Cost})");
            Assert.That(run.Cost.MaxRssKiB, Is.LessThan(RssBoundKiB), $"peak RSS of {what} ({run.Cost})");
        });
    }
}
