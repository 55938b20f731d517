namespace Zoo.Core.Jobs;

public enum JobPhase
{
    Accepted,
    Running,
    Succeeded,
    Failed,
}

/// <summary>Where a job is, as GetStatus reports it: its phase, and while it runs, the progress its service reported.</summary>
public sealed record JobState(string Id, JobPhase Phase, int Percent, string? Message, string? ServiceName);
