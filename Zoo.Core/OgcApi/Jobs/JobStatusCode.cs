namespace Zoo.Core.OgcApi.Jobs;

/// <summary>
/// The standard's statusCode of a job whose files are there. A dismissed job has none left (its files are deleted),
/// so it is never read back; <c>status=dismissed</c> in a job-list query is valid and matches nothing.
/// </summary>
public enum JobStatusCode
{
    Accepted,
    Running,
    Successful,
    Failed,
}
