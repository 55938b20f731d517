namespace Zoo.Hpc.Remote;

/// <summary>
/// The user the kernel runs as, seen the way ssh sees it: the home directory comes from the passwd database
/// entry of the effective uid, not from <c>HOME</c>, which a CGI often does not have (or has wrong).
/// </summary>
internal static class LocalUser
{
    private const string PasswdPath = "/etc/passwd";

    /// <summary>The known_hosts files ssh reads by default: the user's, then the system-wide ones.</summary>
    public static IReadOnlyList<string> DefaultKnownHostsFiles()
    {
        var files = new List<string>();
        if (HomeDirectory() is { } home)
        {
            files.Add(Path.Combine(home, ".ssh", "known_hosts"));
            files.Add(Path.Combine(home, ".ssh", "known_hosts2"));
        }
        files.Add("/etc/ssh/ssh_known_hosts");
        files.Add("/etc/ssh/ssh_known_hosts2");
        return files;
    }

    /// <summary>The effective user's home from /etc/passwd; <c>HOME</c> only when the uid has no entry there (NSS users).</summary>
    public static string? HomeDirectory()
    {
        if (EffectiveUid() is { } uid && File.Exists(PasswdPath))
        {
            try
            {
                if (FindHome(File.ReadAllText(PasswdPath), uid) is { } home)
                    return home;
            }
            catch (IOException)
            {
                // fall back to HOME below
            }
            catch (UnauthorizedAccessException)
            {
                // fall back to HOME below
            }
        }
        return Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } env ? env : null;
    }

    /// <summary>The home field of the first passwd line with this uid (name:password:uid:gid:gecos:home:shell).</summary>
    internal static string? FindHome(string passwd, uint uid)
    {
        var wanted = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var line in passwd.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(':');
            if (fields.Length >= 7 && fields[2] == wanted && fields[5].Length > 0)
                return fields[5];
        }
        return null;
    }

    /// <summary>The effective uid, from the second number of the <c>Uid:</c> line of /proc/self/status (Linux).</summary>
    internal static uint? EffectiveUid()
    {
        try
        {
            return ParseEffectiveUid(File.ReadAllText("/proc/self/status"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static uint? ParseEffectiveUid(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith("Uid:", StringComparison.Ordinal))
                continue;
            var ids = line[4..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return ids.Length >= 2 && uint.TryParse(ids[1], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var uid) ? uid : null;
        }
        return null;
    }
}
