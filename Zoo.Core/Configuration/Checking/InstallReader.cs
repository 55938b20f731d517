using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// Reads an install as the kernel would, keeping every problem as a finding instead of stopping at the first: main.cfg
/// (each refused line, each limit that is not a number), the services' directory and every .zcfg in it (the first
/// refused line of each), the [include] entries. What reads becomes the <see cref="CheckContext"/> the other checks see;
/// a refused line or a bad limit is left out of it, so that they see what the kernel would have used instead.
/// </summary>
public static class InstallReader
{
    /// <returns>the context for the other checks, or null when main.cfg cannot be read at all.</returns>
    public static CheckContext? Read(string mainPath, Func<MainConfig, RunnerCatalog> runners, AccessRights access, bool offline, FindingList findings)
    {
        var path = Path.GetFullPath(mainPath);
        if (ReadText(path, access, findings, "the kernel answers every request with an error") is not { } text)
            return null;

        if (access is ProcessAccessRights && access.UserName == "root")
            findings.Notice(new Place(path, 0),
                "checked as root, whom no file permission stops: add --user with the web server's user (www-data, apache...) to check what it may do");

        var lines = new IniSourceMap();
        var config = new MainConfig(IniDocument.Parse(text, path, lines), path);
        foreach (var error in lines.Errors)
            findings.Error(new Place(path, error.Line), SyntaxErrors.Detail(error, path));

        var limitProblems = new List<ConfigProblem>();
        Limits.From(config, limitProblems);
        var context = new CheckContext(config, lines, [], RunnerCatalog.Empty, access, offline);
        foreach (var problem in limitProblems)
            findings.Error(context.InMain(problem.Section, problem.Key), problem.Detail + ": the kernel answers every request with an error");
        if (limitProblems.Count > 0)
        {
            // The other checks go on with the defaults in their place; the map keeps every line where it was.
            var kept = Without(text, limitProblems.Select(p => lines.LineOf(p.Section, p.Key!)));
            context = context with { Config = new MainConfig(IniDocument.Parse(kept, path, new IniSourceMap()), path) };
        }
        return context with { Runners = runners(context.Config), Services = ReadServices(context, findings) };
    }

    private static string? ReadText(string path, AccessRights access, FindingList findings, string consequence)
    {
        var file = new Place(path, 0);
        if (!File.Exists(path))
        {
            findings.Error(file, "does not exist");
            return null;
        }
        if (!access.CanRead(path))
            findings.Error(file, $"{access.UserName} cannot read it: {consequence}");
        try
        {
            return TextFiles.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Error(file, $"cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>The text with the given lines (1 for the first) blanked, every other line where it was.</summary>
    private static string Without(string text, IEnumerable<int> numbers)
    {
        var lines = text.Split('\n');
        foreach (var number in numbers.Where(n => n > 0 && n <= lines.Length))
            lines[number - 1] = "";
        return string.Join('\n', lines);
    }

    private static List<CheckedService> ReadServices(CheckContext context, FindingList findings)
    {
        var config = context.Config;
        var root = Path.GetFullPath(config.ServicePath, context.MainDirectory);
        if (!Directory.Exists(root))
        {
            findings.Error(context.InMain("main", "servicePath"), $"{config.ServicePath} does not exist: the kernel offers no service");
            return [];
        }
        foreach (var (name, file) in config.Document["include"])
        {
            if (!File.Exists(file))
                findings.Error(context.InMain("include", name), $"{file} does not exist: the service is not offered");
        }

        var services = new List<CheckedService>();
        var entries = new ServiceRegistry(root, config.Document["include"]).All().ToList();
        foreach (var entry in entries)
        {
            if (ReadText(entry.FilePath, context.Access, findings, "the service fails in every request that names it") is not { } text)
                continue;
            try
            {
                services.Add(new CheckedService(entry, ZcfgParser.Parse(text), ZcfgHeaderLines.Of(text)));
            }
            catch (ConfigurationException e)
            {
                findings.Error(new Place(entry.FilePath, e.Line), SyntaxErrors.Detail(e) + ": the service fails in every request that names it");
            }
        }
        if (entries.Count == 0)
            findings.Warning(context.InMain("main", "servicePath"), $"no .zcfg file under {root}: the kernel offers no service");
        return services;
    }
}
