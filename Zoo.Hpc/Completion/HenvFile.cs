using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Files;
using Zoo.Core.Jobs;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// ZOO's <c>&lt;tmpPath&gt;/exec_status_&lt;usid&gt;</c>: what FinalizeHPC learnt from sacct about the job, as a
/// <c>[henv]</c> section the worker reads when it is woken. Written under a temporary name and renamed, so the
/// worker never reads half of it (the original writes it in place).
/// </summary>
public static class HenvFile
{
    public const string Section = "henv";

    public static string FileName(string usid) => "exec_status_" + usid;

    public static string PathFor(string tmpPath, string usid) => Path.Combine(tmpPath, FileName(usid));

    /// <summary>What ZOO's FinalizeHPC1 writes: sacct's fields, and <c>StdErr</c>, the name of the job's Slurm log.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ValuesOf(SacctRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Fields.Append(KeyValuePair.Create("StdErr", SlurmOutputLog.FileName(record.JobId)));
    }

    public static void Write(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        var text = new StringBuilder("[").Append(Section).Append("]\n");
        foreach (var (key, value) in values)
            text.Append(key).Append(" = ").Append(value.ReplaceLineEndings(" ")).Append('\n');
        AtomicFile.Write(path, text.ToString());
    }

    /// <summary>The <c>[henv]</c> values, or null when there is no such file.</summary>
    public static ConfigValues? Read(string path) =>
        File.Exists(path) ? IniDocument.Read(path)[Section] : null;
}
