namespace Zoo.Hpc.Completion;

/// <summary>A mail delivered to a maildir: its file, and the file's name (unique in the maildir).</summary>
public sealed record MaildirMessage(string Path, string Name);
