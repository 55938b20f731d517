using System.Globalization;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// Finds a local user and their groups in <c>/etc/passwd</c> and <c>/etc/group</c>, as the web server's user
/// (www-data, apache, nginx) is defined on the machines the kernel is installed on; users of other name services
/// (LDAP) are not seen.
/// </summary>
public static class UserAccounts
{
    public static UserAccount? Find(string name) =>
        Find(name, ReadOrEmpty("/etc/passwd"), ReadOrEmpty("/etc/group"));

    /// <param name="passwd">lines <c>name:password:uid:gid:gecos:home:shell</c>.</param>
    /// <param name="group">lines <c>name:password:gid:member,member</c>.</param>
    public static UserAccount? Find(string name, string passwd, string group)
    {
        foreach (var fields in Records(passwd))
        {
            if (fields.Length < 4 || fields[0] != name || Id(fields[2]) is not { } uid || Id(fields[3]) is not { } gid)
                continue;
            var groups = new HashSet<uint> { gid };
            foreach (var entry in Records(group))
            {
                if (entry.Length >= 4 && Id(entry[2]) is { } member && entry[3].Split(',').Contains(name, StringComparer.Ordinal))
                    groups.Add(member);
            }
            return new UserAccount(name, uid, gid, groups);
        }
        return null;
    }

    private static IEnumerable<string[]> Records(string text) =>
        text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split(':'));

    private static uint? Id(string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
