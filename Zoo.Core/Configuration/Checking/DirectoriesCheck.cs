namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// <c>[main] tmpPath</c>, <c>cacheDir</c> and <c>dataPath</c>: the directories the kernel writes in, as the web server's
/// user. tmpPath must exist (jobs, inputs, outputs); cacheDir is optional (downloads and service headers are cached
/// there); dataPath is created when MapServer publication first needs it. A relative path is taken from main.cfg's directory.
/// </summary>
public sealed class DirectoriesCheck : IConfigCheck
{
    public Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var main = context.Config.Main;
        if (Value(main, "tmpPath") is { } tmpPath)
            CheckWritable(context, findings, "tmpPath", tmpPath, createdWhenNeeded: false);
        else
            findings.Error(context.InMain("main", "tmpPath"),
                "is missing: asynchronous jobs, inputs given by value and outputs asked for by reference are written there");

        if (Value(main, "cacheDir") is { } cacheDir)
        {
            if (CheckWritable(context, findings, "cacheDir", cacheDir, createdWhenNeeded: false) is { } directory && SharedWithOthers(directory))
                findings.Notice(context.InMain("main", "cacheDir"),
                    $"{cacheDir} is writable by its group or by others: the kernel keeps no cache of the services' headers there");
        }
        else
            findings.Notice(context.InMain("main", "cacheDir"),
                "is not set: inputs by reference are downloaded again for every request, and every .zcfg is read for each GetCapabilities");

        if (Value(main, "dataPath") is { } dataPath)
            CheckWritable(context, findings, "dataPath", dataPath, createdWhenNeeded: true);
        else if (Value(main, "mapserverAddress") is not null)
            findings.Warning(context.InMain("main", "dataPath"),
                "is missing while mapserverAddress is set: every output published through MapServer (useMapserver=true) fails");
        return Task.CompletedTask;
    }

    private static string? Value(ConfigValues section, string key) => section[key] is { Length: > 0 } value ? value.Trim() : null;

    /// <returns>the directory's full path when it exists, else null.</returns>
    private static string? CheckWritable(CheckContext context, FindingList findings, string key, string value, bool createdWhenNeeded)
    {
        var place = context.InMain("main", key);
        var user = context.Access.UserName;
        var full = Path.GetFullPath(value, context.MainDirectory);
        if (File.Exists(full))
        {
            findings.Error(place, $"{value} is a file, not a directory");
            return null;
        }
        if (!Directory.Exists(full))
        {
            var parent = NearestExisting(full);
            if (!createdWhenNeeded)
                findings.Error(place, $"{value} does not exist");
            else if (parent is not null && context.Access.CanWriteIn(parent))
                findings.Notice(place, $"{value} does not exist yet: the kernel creates it when it first publishes an output");
            else
                findings.Error(place, $"{value} does not exist, and {user} cannot create it in {parent}");
            return null;
        }
        if (!context.Access.CanWriteIn(full))
            findings.Error(place, $"{user} cannot write in {value}");
        return full;
    }

    private static string? NearestExisting(string path)
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(directory))
                return directory;
        }
        return null;
    }

    private static bool SharedWithOthers(string directory) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(directory) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
}
