using Zoo.Core.Wps;

namespace Zoo.Hpc.Slurm;

/// <summary>
/// Reads the Slurm job id from what sbatch printed. ZOO pipes stdout through
/// <c>sed "s:&lt;sbatch_substr&gt;::g"</c> and keeps the rest (<c>Submitted batch job 42</c> → <c>42</c>);
/// <c>sbatch --parsable</c> prints <c>42</c> or <c>42;cluster</c>. Both are read here. Unlike ZOO,
/// which took any stdout as success, a failed sbatch or an output with no job id is a failure.
/// </summary>
public static class SbatchOutput
{
    /// <summary>ZOO's text when the sbatch error log says nothing.</summary>
    public const string NoMessage = "No message provided";

    /// <summary>The job id, or null when the output holds none.</summary>
    /// <param name="sbatchSubstr">The configured prefix to remove, every occurrence (sed's <c>g</c>), taken literally.</param>
    public static string? TryParseJobId(string stdout, string? sbatchSubstr)
    {
        var text = string.IsNullOrEmpty(sbatchSubstr) ? stdout : stdout.Replace(sbatchSubstr, "", StringComparison.Ordinal);
        // The id is the last line: the ini reader drops the trailing blank of "Submitted batch job ",
        // so a space remains before it, and a newline after.
        var line = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        if (line is null)
            return null;
        var semicolon = line.IndexOf(';');
        var id = semicolon < 0 ? line : line[..semicolon];
        return id.Length > 0 && id.All(char.IsAsciiDigit) && (semicolon < 0 || semicolon < line.Length - 1) ? id : null;
    }

    /// <summary>The job id of a submission, or ZOO's error for the service.</summary>
    /// <param name="exitStatus">sbatch's exit status; ZOO ignored it, we do not.</param>
    /// <param name="stderr">What sbatch wrote to its error stream (ZOO's <c>error_&lt;usid&gt;.log</c>).</param>
    /// <exception cref="WpsException">
    /// NoApplicableCode, <c>Cannot execute the HPC ZOO-Service &lt;service&gt; using &lt;configId&gt;: &lt;message&gt;</c>.
    /// </exception>
    public static string JobId(int exitStatus, string stdout, string stderr, string? sbatchSubstr, string serviceName, string configId)
    {
        var id = exitStatus == 0 ? TryParseJobId(stdout, sbatchSubstr) : null;
        if (id is not null)
            return id;
        var message = stderr.Trim() is { Length: > 0 } error ? error
            : exitStatus == 0 && stdout.Trim() is { Length: > 0 } printed ? $"sbatch printed no job id: {printed}"
            : exitStatus != 0 ? $"sbatch exited with status {exitStatus}"
            : NoMessage;
        throw new WpsException("NoApplicableCode", null, FailureMessage(serviceName, configId, message));
    }

    public static string FailureMessage(string serviceName, string configId, string message) =>
        $"Cannot execute the HPC ZOO-Service {serviceName} using {configId}: {message}";
}
