using Zoo.Core.Files;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// The rights of another user (<c>--user www-data</c>), from each file's owner, group and permission bits as the
/// system applies them: the owner's bits for the owner, the group's for a member of the file's group, the others'
/// for everyone else; root may do anything but run a file no one may run. ACLs are not read.
/// </summary>
public sealed class UserAccessRights(UserAccount user) : AccessRights
{
    private const uint DirectoryType = 0x4000;
    private const uint TypeMask = 0xF000;
    private const uint AnyExecute = 0b001_001_001;

    public override string UserName => user.Name;

    public override bool CanRead(string path) => Reaches(path) && Allows(path, Posix.MayRead);

    public override bool CanExecute(string path) => Reaches(path) && Allows(path, Posix.MaySearch);

    public override bool CanWriteIn(string directory) => Reaches(directory) && Allows(directory, Posix.MayWrite | Posix.MaySearch);

    /// <summary>Whether every directory above the path may be searched: otherwise nothing in it can be opened.</summary>
    private bool Reaches(string path)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (!Allows(directory, Posix.MaySearch))
                return false;
        }
        return true;
    }

    private bool Allows(string path, int wanted)
    {
        if (Posix.Ownership(path) is not { } status)
            return false;
        var (mode, owner, group) = status;
        if (user.Uid == 0)
            return (wanted & Posix.MaySearch) == 0 || (mode & TypeMask) == DirectoryType || (mode & AnyExecute) != 0;
        var bits = owner == user.Uid ? mode >> 6 : user.Groups.Contains(group) ? mode >> 3 : mode;
        return ((int)bits & wanted) == wanted;
    }
}
