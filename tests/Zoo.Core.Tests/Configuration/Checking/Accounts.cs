using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

/// <summary>Users the access checks are made for: no one on this machine has their ids, so only the bits for others apply.</summary>
internal static class Accounts
{
    public const uint StrangerId = 4_000_001;

    /// <summary>Neither the owner of the test files (root, or whoever runs the tests) nor in their group.</summary>
    public static UserAccount Stranger { get; } = new("stranger", StrangerId, StrangerId, new HashSet<uint> { StrangerId });

    /// <summary>A member of the group of the files the tests create.</summary>
    public static UserAccount GroupMember(string path)
    {
        var (_, _, group) = Zoo.Core.Files.Posix.Ownership(path)!.Value;
        return new UserAccount("member", StrangerId + 1, StrangerId + 1, new HashSet<uint> { StrangerId + 1, group });
    }
}
