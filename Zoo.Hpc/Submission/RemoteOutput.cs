namespace Zoo.Hpc.Submission;

/// <summary>An output file the application writes on the cluster.</summary>
public sealed record RemoteOutput(string Name, string RemotePath);
