namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// What the web server's user may do with a file or directory, every directory above it included: the user running
/// the check by default (<see cref="ProcessAccessRights"/>), or another one named with <c>--user</c>
/// (<see cref="UserAccessRights"/>), checked from the permission bits, since no one can be asked to run as them.
/// </summary>
public abstract class AccessRights
{
    /// <summary>Whom the rights are of, as reports name them.</summary>
    public abstract string UserName { get; }

    public abstract bool CanRead(string path);

    public abstract bool CanExecute(string path);

    /// <summary>Whether the user may create and remove files in the directory.</summary>
    public abstract bool CanWriteIn(string directory);
}
