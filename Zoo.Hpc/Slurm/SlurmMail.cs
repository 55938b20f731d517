using System.Text.RegularExpressions;
using MimeKit;
using Zoo.Core.Jobs;

namespace Zoo.Hpc.Slurm;

/// <summary>
/// What a Slurm job mail says. Slurm (22.05) puts everything in the Subject and sends no body:
/// <c>Slurm Job_id=12 Name=&lt;job name&gt; Ended, Run time 00:00:01, COMPLETED, ExitCode 0</c>.
/// </summary>
/// <param name="Event">The event as the subject names it: <c>Began</c>, <c>Ended</c>, <c>Failed</c>, <c>Requeued</c>, ...</param>
/// <param name="State">The job's state (<c>COMPLETED</c>, <c>FAILED</c>, <c>CANCELLED</c>, <c>TIMEOUT</c>, ...), which only end and failure mails carry.</param>
public sealed partial record SlurmMail(string SlurmJobId, string JobName, string Event, string? State)
{
    /// <summary>The ZOO job the Slurm job runs, from the job name <c>ZOO-Project_&lt;usid&gt;_&lt;service&gt;</c>; null for any other name.</summary>
    public string? Usid
    {
        get
        {
            const int UsidLength = 36;
            if (!JobName.StartsWith(JobScript.JobNamePrefix, StringComparison.Ordinal))
                return null;
            var rest = JobName.AsSpan(JobScript.JobNamePrefix.Length);
            if (rest.Length < UsidLength + 2 || rest[UsidLength] != '_')
                return null;
            var usid = rest[..UsidLength].ToString();
            return JobId.IsWellFormed(usid) ? usid : null;
        }
    }

    /// <summary>
    /// Reads a mail (MimeKit: a folded or RFC 2047 encoded Subject is decoded). Null when it is not a
    /// mail, or not about one Slurm job (array job mails included: ZOO never submits arrays).
    /// </summary>
    public static SlurmMail? Parse(Stream message)
    {
        string? subject;
        try
        {
            using var mail = MimeMessage.Load(message);
            subject = mail.Subject;
        }
        catch (FormatException)
        {
            // MimeKit's ParseException is a FormatException: the stream is no mail at all.
            return null;
        }
        return subject is null ? null : FromSubject(subject);
    }

    /// <summary>The mail of a decoded Subject line, or null when Slurm did not write it.</summary>
    public static SlurmMail? FromSubject(string subject)
    {
        Match match;
        try
        {
            match = SubjectPattern().Match(subject.Trim());
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!match.Success)
            return null;
        var state = match.Groups["state"];
        return new SlurmMail(match.Groups["id"].Value, match.Groups["name"].Value, match.Groups["event"].Value,
            state.Success ? state.Value : null);
    }

    // Slurm writes "Slurm Job_id=%u Name=%s %s%s%s": id, name, event, then the time and the end
    // state. A job name may hold anything, spaces, '=' and even ", Ended" included, but what Slurm
    // appends to it has a fixed form: match that at the end and the name is all that comes before.
    [GeneratedRegex("""
        ^Slurm\ Job_id=(?<id>[0-9]+)\ Name=(?<name>.+)
        \ (?<event>Began|Ended|Failed|Requeued|StageOut/Teardown|Invalid\ dependency|Reached\ time\ limit|Reached\ [0-9]+%\ of\ time\ limit)
        (,\ (Queued|Run)\ time\ [^,]+|\ time\ [^,]+)?
        (,\ (?<state>[A-Z_]+)(,\ ExitCode\ [0-9]+)?)?$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SubjectPattern();
}
