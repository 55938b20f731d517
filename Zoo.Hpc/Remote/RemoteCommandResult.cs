namespace Zoo.Hpc.Remote;

/// <summary>The outcome of a remote command: its exit status (-1 when it died of a signal), both output streams, and the signal.</summary>
public sealed record RemoteCommandResult(int ExitStatus, string StandardOutput, string StandardError, string? ExitSignal);
