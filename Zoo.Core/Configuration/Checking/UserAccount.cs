namespace Zoo.Core.Configuration.Checking;

/// <summary>A local user as the permission bits see them: uid, and every group (the primary one included).</summary>
public sealed record UserAccount(string Name, uint Uid, uint Gid, IReadOnlySet<uint> Groups);
