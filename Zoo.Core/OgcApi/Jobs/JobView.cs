namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// One job as the OGC API shows it, whichever API started it. Times are UTC, to the second the documents show, so a
/// client that sends a <c>created</c> back as a <c>datetime</c> finds the job.
/// </summary>
/// <param name="ProcessId">the id the client asked (<c>hpc.BandMath</c>), null when the job's lenv is gone or broken.</param>
/// <param name="Progress">the percentage to report, null when there is none (a failed job).</param>
/// <param name="Created">when the job was made (its .sid).</param>
/// <param name="Started">null while it waits for its worker.</param>
/// <param name="Finished">null until it ended.</param>
/// <param name="Updated">its last change: how it ended, or the last progress its service reported.</param>
public sealed record JobView(
    string Id,
    string? ProcessId,
    JobStatusCode Status,
    int? Progress,
    string Message,
    DateTime Created,
    DateTime? Started,
    DateTime? Finished,
    DateTime? Updated)
{
    public string StatusName => NameOf(Status);

    /// <summary>How long the job took, or has taken so far while it has not ended.</summary>
    public TimeSpan Duration(DateTime now) => (Finished ?? now) - Created;

    public static string NameOf(JobStatusCode status) => status switch
    {
        JobStatusCode.Accepted => "accepted",
        JobStatusCode.Running => "running",
        JobStatusCode.Successful => "successful",
        _ => "failed",
    };
}
