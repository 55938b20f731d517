using System.Globalization;

namespace Zoo.Core.Publishing;

/// <summary>
/// The files publication leaves in dataPath, with ZOO's names: the mapfile <c>&lt;name&gt;_&lt;i&gt;_&lt;usid&gt;.map</c>,
/// the data of an element that has no file of its own <c>ZOO_DATA_&lt;i&gt;_&lt;name&gt;_&lt;usid&gt;.&lt;ext&gt;</c>, and beside
/// the data the <c>.maps</c> list of the mapfiles made from it (which ZOO's DeleteData reads).
/// </summary>
public static class PublishedFiles
{
    public static string Mapfile(string dataPath, PublishedElement element) =>
        Path.Combine(dataPath, element.Key + ".map");

    public static string DataFile(string dataPath, string name, int index, string jobId, string extension) =>
        Path.Combine(dataPath, string.Create(CultureInfo.InvariantCulture, $"ZOO_DATA_{index}_{name}_{jobId}.{extension}"));

    /// <summary>The data's path up to its last dot, then <c>.maps</c>.</summary>
    public static string MapList(string dataFile)
    {
        var directory = Path.GetDirectoryName(dataFile) ?? "";
        var name = Path.GetFileName(dataFile);
        var dot = name.LastIndexOf('.');
        return Path.Combine(directory, (dot > 0 ? name[..dot] : name) + ".maps");
    }

    /// <summary>
    /// The files in dataPath of one element of a job, whatever its index: its mapfiles, its data and the data's
    /// <c>.maps</c> list.
    /// </summary>
    public static IEnumerable<string> OfElement(string dataPath, string name, string jobId) =>
        OfJob(dataPath, jobId).Where(path => Path.GetFileNameWithoutExtension(path) is var stem
            && (IsIndexed(stem, name + "_", "_" + jobId) || IsIndexed(stem, "ZOO_DATA_", $"_{name}_{jobId}")));

    /// <summary>Every file of a job in dataPath: the names above end with <c>_&lt;usid&gt;</c> before their extension.</summary>
    public static IEnumerable<string> OfJob(string dataPath, string jobId) =>
        Directory.Exists(dataPath)
            ? Directory.EnumerateFiles(dataPath).Where(path => Path.GetFileNameWithoutExtension(path).EndsWith("_" + jobId, StringComparison.Ordinal))
            : [];

    private static bool IsIndexed(string stem, string before, string after) =>
        stem.Length > before.Length + after.Length
        && stem.StartsWith(before, StringComparison.Ordinal)
        && stem.EndsWith(after, StringComparison.Ordinal)
        && stem[before.Length..^after.Length].All(char.IsAsciiDigit);
}
