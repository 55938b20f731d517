namespace Zoo.Core.Execution;

/// <summary>
/// Who a run is: ZOO's usid (the job id clients see, a UUID), osid (a number derived from the pid
/// and the time, which ZOO keeps in the job's .sid file) and the pid of the process that runs it.
/// </summary>
public sealed record JobIdentity(string Id, long Osid, int ProcessId)
{
    public static JobIdentity New()
    {
        var now = DateTimeOffset.UtcNow;
        var pid = Environment.ProcessId;
        // A version 7 UUID: time-ordered like ZOO's time-based ids, with random bits so that no two collide.
        return new JobIdentity(Guid.CreateVersion7(now).ToString("D"), pid + now.ToUnixTimeSeconds() + now.Millisecond * 1000L, pid);
    }
}
