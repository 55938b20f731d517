using System.Diagnostics;
using System.Text;

namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// <c>zoo_loader.cgi --otb2zcfg [--hpc CONFID] [--out DIR] [APP...]</c>: writes <c>&lt;App&gt;.zcfg</c> for the named
/// OTB applications, or for every one OTB offers, into DIR (the current directory by default).
/// </summary>
public static class Otb2ZcfgCommand
{
    public const string Flag = "--otb2zcfg";

    public const string Usage = "usage: zoo_loader.cgi --otb2zcfg [--hpc CONFID] [--out DIR] [APP...]";

    /// <summary>Loading 110 application plugins takes seconds; a minute more than enough on a busy machine.</summary>
    private static readonly TimeSpan HelperTimeout = TimeSpan.FromMinutes(2);

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <param name="arguments">what follows <see cref="Flag"/>.</param>
    /// <returns>0 when every file was written; 1 when OTB, its helper or an application is missing; 2 on a usage error.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (Otb2ZcfgOptions.Parse(arguments, out var error) is not { } options)
        {
            log.WriteLine($"zoo_loader.cgi --otb2zcfg: {error}");
            log.WriteLine(Usage);
            return 2;
        }
        try
        {
            var clock = Stopwatch.StartNew();
            var tool = new OtbDescribeTool(Path.Combine(AppContext.BaseDirectory, "otb-describe"),
                Environment.GetEnvironmentVariable("ITK_AUTOLOAD_PATH") is { Length: > 0 } path ? path : OtbDescribeTool.DebianApplicationsDirectory,
                HelperTimeout);
            tool.EnsureInstalled();
            var available = await tool.ListAsync(cancellationToken).ConfigureAwait(false);
            if (options.Applications.FirstOrDefault(name => !available.Contains(name, StringComparer.Ordinal)) is { } unknown)
                throw new OtbGenerationException($"unknown OTB application: {unknown} (OTB offers {available.Count}; none is written)");
            var names = options.Applications.Count > 0 ? options.Applications : available;
            var applications = OtbDescriptionReader.Read(await tool.DescribeAsync(names, cancellationToken).ConfigureAwait(false));
            Directory.CreateDirectory(options.OutputDirectory);
            foreach (var application in applications)
            {
                await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, application.Name + ".zcfg"),
                    OtbZcfgWriter.Write(application, options.HpcConfId), Utf8, cancellationToken).ConfigureAwait(false);
            }
            log.WriteLine($"zoo_loader.cgi --otb2zcfg: {applications.Count} zcfg files written to {Path.GetFullPath(options.OutputDirectory)} " +
                          $"({applications.Sum(a => a.Parameters.Count(p => p.Type != "Group"))} parameters, {clock.Elapsed.TotalSeconds:0.0} s)");
            return 0;
        }
        catch (Exception e) when (e is OtbGenerationException or IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"zoo_loader.cgi --otb2zcfg: {e.Message}");
            return 1;
        }
    }
}
