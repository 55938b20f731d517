using System.IO.Enumeration;
using Zoo.Core.Jobs;

namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// Every job of tmpPath, whichever API started it: the directory is listed once for the <c>.sid</c> files (their
/// times come with the listing), then each job's files are read once.
/// </summary>
public static class JobCatalog
{
    private const string SidExtension = ".sid";
    private const int JobIdLength = 36;

    /// <summary>The jobs, newest first (then by id, for jobs made in the same second).</summary>
    public static List<JobView> All(JobStore store)
    {
        var jobs = new List<JobView>();
        foreach (var (id, written) in Sids(store.TmpPath))
        {
            if (JobViewReader.Read(store, id, written) is { } job)
                jobs.Add(job);
        }
        jobs.Sort((a, b) => b.Created.CompareTo(a.Created) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Id, b.Id));
        return jobs;
    }

    private static IEnumerable<(string Id, DateTime Written)> Sids(string tmpPath)
    {
        if (!Directory.Exists(tmpPath))
            return [];
        return new FileSystemEnumerable<(string, DateTime)>(tmpPath,
            (ref FileSystemEntry entry) => (entry.FileName[..^SidExtension.Length].ToString(), entry.LastWriteTimeUtc.UtcDateTime))
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.FileName.Length == JobIdLength + SidExtension.Length
                                                    && !entry.IsDirectory && entry.FileName.EndsWith(SidExtension, StringComparison.Ordinal)
                                                    && JobId.IsWellFormed(entry.FileName[..^SidExtension.Length].ToString()),
        };
    }
}
