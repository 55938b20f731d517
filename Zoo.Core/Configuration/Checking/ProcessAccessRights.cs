using Zoo.Core.Files;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// The rights of the user running the check, asked of the system itself (<c>faccessat</c>): ACLs, read-only mounts
/// and root's powers count as they will for the kernel run by this user.
/// </summary>
public sealed class ProcessAccessRights : AccessRights
{
    public override string UserName => Environment.UserName;

    public override bool CanRead(string path) => Posix.Allows(path, Posix.MayRead);

    public override bool CanExecute(string path) => Posix.Allows(path, Posix.MaySearch);

    public override bool CanWriteIn(string directory) => Posix.Allows(directory, Posix.MayWrite | Posix.MaySearch);
}
