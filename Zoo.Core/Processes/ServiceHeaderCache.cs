using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Processes;

/// <summary>
/// Keeps the .zcfg headers GetCapabilities lists in one file between requests, so that a request
/// costs a stat per service instead of a read and a parse: installs with hundreds of services
/// answer almost as fast as small ones. A file whose time or length changed is read again.
/// The cache lives in cacheDir only when no one but its owner can write there (a cache others
/// could write would let them rewrite the listing); otherwise every header is read each time.
/// </summary>
public sealed class ServiceHeaderCache
{
    private const string Magic = "zoo-service-headers/1";

    private readonly string? _file;
    private readonly TextWriter _log;

    private ServiceHeaderCache(string? file, TextWriter log)
    {
        _file = file;
        _log = log;
    }

    public static ServiceHeaderCache For(MainConfig config, TextWriter log) =>
        new(CacheFile(config.CacheDir, config.ServicePath), log);

    /// <summary>The header of every entry, in order, from the cache where the file is unchanged.</summary>
    public IReadOnlyList<ProcessDescription> Headers(IReadOnlyList<ServiceEntry> entries)
    {
        var cached = _file is null ? [] : Load(_file);
        var headers = new List<ProcessDescription>(entries.Count);
        var changed = cached.Count != entries.Count;
        foreach (var entry in entries)
        {
            if (entry.Stamp.IsKnown && cached.TryGetValue(entry.FilePath, out var hit) && hit.Stamp == entry.Stamp)
            {
                headers.Add(hit.Header);
                continue;
            }
            headers.Add(ServiceFiles.Read(entry, headerOnly: true));
            changed = true;
        }
        if (changed && _file is not null)
            Save(_file, entries, headers);
        return headers;
    }

    private static string? CacheFile(string? cacheDir, string servicePath)
    {
        if (string.IsNullOrEmpty(cacheDir) || !Directory.Exists(cacheDir))
            return null;
        const UnixFileMode othersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(cacheDir) & othersWrite) != 0)
            return null;
        return Path.Combine(cacheDir, $"zoo-service-headers-{Fnv1a(Path.GetFullPath(servicePath)):x16}.cache");
    }

    private Dictionary<string, (FileStamp Stamp, ProcessDescription Header)> Load(string file)
    {
        var entries = new Dictionary<string, (FileStamp, ProcessDescription)>(StringComparer.Ordinal);
        try
        {
            // One read of the whole file: a buffered stream would read it 4 KiB at a time.
            using var reader = new BinaryReader(new MemoryStream(File.ReadAllBytes(file)), Encoding.UTF8);
            if (reader.ReadString() != Magic)
                return entries;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                var stamp = new FileStamp(reader.ReadInt64(), reader.ReadInt64());
                var header = new ProcessDescription(reader.ReadString(), new ConfigValues(ReadPairs(reader)),
                    ReadPairs(reader), ReadPairs(reader), [], []);
                entries[path] = (stamp, header);
            }
        }
        catch (FileNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            _log.WriteLine($"zoo_loader: ignoring the service header cache {file}: {e.Message}");
            entries.Clear();
        }
        return entries;
    }

    /// <summary>Written to a temporary file and renamed, so a reader never sees half a cache.</summary>
    private void Save(string file, IReadOnlyList<ServiceEntry> entries, IReadOnlyList<ProcessDescription> headers)
    {
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(entries.Count(e => e.Stamp.IsKnown));
                for (var i = 0; i < entries.Count; i++)
                {
                    if (!entries[i].Stamp.IsKnown)
                        continue;
                    writer.Write(entries[i].FilePath);
                    writer.Write(entries[i].Stamp.LastWriteTicks);
                    writer.Write(entries[i].Stamp.Length);
                    writer.Write(headers[i].Name);
                    WritePairs(writer, headers[i].Keys);
                    WritePairs(writer, headers[i].Metadata);
                    WritePairs(writer, headers[i].AdditionalParameters);
                }
            }
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.WriteLine($"zoo_loader: cannot write the service header cache {file}: {e.Message}");
            File.Delete(temporary);
        }
    }

    private static List<KeyValuePair<string, string>> ReadPairs(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var pairs = new List<KeyValuePair<string, string>>(count);
        for (var i = 0; i < count; i++)
            pairs.Add(KeyValuePair.Create(reader.ReadString(), reader.ReadString()));
        return pairs;
    }

    private static void WritePairs(BinaryWriter writer, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        writer.Write(pairs.Count);
        foreach (var (key, value) in pairs)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    /// <summary>A stable 64-bit FNV-1a hash: one cache file per service directory sharing a cacheDir.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
