using Zoo.Core.Files;
using Zoo.Core.Jobs;
using Zoo.Core.Publishing;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// What DeleteData deletes for a job id, a file name and an input or output name, and the deletion itself.
/// <list type="bullet">
/// <item>A name ending with <c>.zca</c> is a cache entry in cacheDir: it is deleted (with its <c>.zcm</c>, <c>.zcp</c>
/// and <c>.zmd</c>) only when the job's record of its inputs (<see cref="JobStore.CacheEntries"/>, kept for the jobs run
/// asynchronously) lists it, and its <c>.zcp</c> says it is not <c>SHARED</c> (as in ZOO, a missing <c>.zcp</c> counts as
/// shared). The name of a cache entry holds no job id: the record is what ties it to the job.</item>
/// <item>Any other name is a file of the job in tmpPath: ZOO's outputs (<c>output…</c>), its HPC inputs (<c>input_…</c>,
/// which ZOO means to accept but its comparison never does; the inputs given by value, <c>Input_…</c>, too) and this
/// kernel's outputs by reference (<c>ZOO_DATA_…</c>); the job id must be a whole part of the name
/// (<see cref="JobStore.IsFileOf"/>), so that no job deletes another's files.</item>
/// <item>With either go what publication made of it: the <c>.maps</c> list beside it and the mapfiles it lists (only
/// those in dataPath named after the job), and the files in dataPath of the input or output named (its mapfiles, its
/// data and that data's list).</item>
/// </list>
/// Names are plain file names (no <c>../</c>, no directory), the file is opened without following a link and must be a
/// regular file, and it is locked (<c>flock</c>, without waiting) while it is deleted, as ZOO takes its write lock. A
/// companion file that cannot be deleted is only logged, as in ZOO; the file asked for must go.
/// </summary>
public sealed class DataDeletion(string tmpPath, string? cacheDir, string? dataPath, TextWriter log)
{
    public const string InputRemoved = "The input data has been correclty removed";
    public const string OutputRemoved = "The output data has been correclty removed";
    public const string SharedResource = "The file you try to delete is a shared ressource and cannot be deleted by nature.";
    public const string NeitherInputNorOutput = "The file you try to delete is nor an input, nor an output.";
    public const string LockFailed = "Failed to acquire lock for deletion, please try again later.";

    private const string CacheSuffix = ".zca";
    private const string SharedProvenance = "SHARED";
    private const long SmallFileBytes = 64 * 1024;
    private static readonly string[] JobFilePrefixes = ["output", "input_", "ZOO_DATA_"];
    private static readonly string[] CacheCompanions = [".zcm", ".zcp", ".zmd"];

    /// <summary>Deletes what the request names and returns ZOO's <c>Result</c>.</summary>
    /// <exception cref="DeleteDataException">nothing was deleted, and why.</exception>
    public string Delete(string jobId, string fileName, string ioName)
    {
        if (!JobId.IsWellFormed(jobId))
            throw new DeleteDataException($"The jobid \"{jobId}\" is not a job id of this server.");
        if (!FileNames.IsPlain(fileName))
            throw new DeleteDataException($"The filename \"{fileName}\" is not the name of a file: it cannot hold a directory.");
        if (!FileNames.IsPlain(ioName))
            throw new DeleteDataException($"The ioname \"{ioName}\" is not the name of an input or an output.");
        return fileName.EndsWith(CacheSuffix, StringComparison.Ordinal)
            ? DeleteCacheEntry(jobId, fileName, ioName)
            : DeleteJobFile(jobId, fileName, ioName);
    }

    private string DeleteJobFile(string jobId, string fileName, string ioName)
    {
        if (!JobFilePrefixes.Any(prefix => fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            throw new DeleteDataException(NeitherInputNorOutput);
        if (!JobStore.IsFileOf(fileName, jobId))
            throw new DeleteDataException($"The file {fileName} is not a file of the job {jobId}.");
        var target = Path.Combine(tmpPath, fileName);
        using var locked = Lock(target);
        Remove(target, Published(target, ioName, jobId));
        return OutputRemoved;
    }

    private string DeleteCacheEntry(string jobId, string fileName, string ioName)
    {
        if (cacheDir is not { Length: > 0 })
            throw new DeleteDataException("No cacheDir is set in the [main] section of main.cfg: there is no cache entry to delete.");
        var store = new JobStore(tmpPath);
        if (!store.Exists(jobId) || !store.CacheEntries(jobId).Contains(fileName, StringComparer.Ordinal))
            throw new DeleteDataException($"The file {fileName} is not a cache entry the inputs of the job {jobId} were read from.");
        var target = Path.Combine(cacheDir, fileName);
        using var locked = Lock(target);
        if (Provenance(target) is not { } provenance || string.Equals(provenance, SharedProvenance, StringComparison.OrdinalIgnoreCase))
            throw new DeleteDataException(SharedResource);
        Remove(target, CacheCompanions.Select(extension => Path.ChangeExtension(target, extension)).Concat(Published(target, ioName, jobId)));
        return InputRemoved;
    }

    /// <summary>The file asked for, opened without following a link, and locked.</summary>
    private static FileStream Lock(string path)
    {
        FileStream file;
        try
        {
            file = SafeFile.OpenRead(path);
        }
        catch (FileNotFoundException)
        {
            throw new DeleteDataException($"The file you try to delete does not exist: {Path.GetFileName(path)}.");
        }
        catch (IOException)
        {
            throw new DeleteDataException($"The file you try to delete is not a regular file (a symbolic link is never followed): {Path.GetFileName(path)}.");
        }
        try
        {
            if (FileLock.TryExclusive(file))
                return file;
        }
        catch (IOException)
        {
            // Reported as ZOO reports a lock it cannot take.
        }
        file.Dispose();
        throw new DeleteDataException(LockFailed);
    }

    private static string? Provenance(string cacheFile)
    {
        try
        {
            return SafeFile.ReadTextOrNull(Path.ChangeExtension(cacheFile, ".zcp"), SmallFileBytes);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>What publication made of a file: the <c>.maps</c> beside it, the mapfiles it lists, the element's files in dataPath.</summary>
    private IEnumerable<string> Published(string file, string ioName, string jobId)
    {
        var list = PublishedFiles.MapList(file);
        var published = ListedMapfiles(list, jobId).Append(list);
        if (dataPath is { Length: > 0 })
            published = published.Concat(PublishedFiles.OfElement(dataPath, ioName, jobId));
        return published.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The mapfiles a <c>.maps</c> list names, of those only the job's in dataPath: the list is a file others may write.</summary>
    private IEnumerable<string> ListedMapfiles(string list, string jobId)
    {
        var directory = dataPath is { Length: > 0 } ? Path.GetFullPath(dataPath).TrimEnd('/') : null;
        foreach (var line in ReadList(list))
        {
            var mapfile = Path.GetFullPath(line, tmpPath);
            if (directory is not null && Path.GetDirectoryName(mapfile) == directory && mapfile.EndsWith(".map", StringComparison.Ordinal)
                && JobStore.IsFileOf(Path.GetFileName(mapfile), jobId))
                yield return mapfile;
            else
                log.WriteLine($"#### DeleteData #### not deleting {line}: not a mapfile of the job {jobId} in dataPath");
        }
    }

    private string[] ReadList(string list)
    {
        try
        {
            return SafeFile.ReadTextOrNull(list, SmallFileBytes)?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        }
        catch (IOException e)
        {
            log.WriteLine($"#### DeleteData #### unable to read {list}: {e.Message}");
            return [];
        }
    }

    private void Remove(string target, IEnumerable<string> companions)
    {
        try
        {
            File.Delete(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"#### DeleteData #### unable to delete {target} {e.Message}");
            throw new DeleteDataException($"The file you try to delete cannot be deleted: {Path.GetFileName(target)}.");
        }
        foreach (var path in companions)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.WriteLine($"#### DeleteData #### unable to delete {path} {e.Message}");
            }
        }
    }
}
