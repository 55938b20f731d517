using System.Security.Cryptography;
using System.Text;

namespace Zoo.Hpc.Remote;

/// <summary>What a known_hosts lookup found for one host and the key it offered.</summary>
public enum KnownHostStatus
{
    /// <summary>A line for the host holds exactly this key.</summary>
    Known,
    /// <summary>No line names the host.</summary>
    Unknown,
    /// <summary>The host is known with another key of the same type: the key changed, or someone is in the middle.</summary>
    Changed,
    /// <summary>The host is known, but only with keys of other types than the one it offered.</summary>
    OtherTypesKnown,
    /// <summary>An <c>@revoked</c> line names this key for the host: it must never be accepted.</summary>
    Revoked,
}

/// <summary>The outcome of <see cref="KnownHosts.Check"/>, with the line that decided it (when one did).</summary>
public sealed record KnownHostsCheck(KnownHostStatus Status, string? Source, int Line);

/// <summary>
/// OpenSSH known_hosts files, matched as <c>ssh</c> matches them: the host is looked up as <c>host</c> on
/// port 22 and as <c>[host]:port</c> on any other; a line's host field is a comma-separated list of
/// patterns (<c>*</c> and <c>?</c> wildcards, <c>!</c> negates, case-insensitive), or one hashed entry
/// <c>|1|base64(salt)|base64(HMAC-SHA1(salt, name))</c>. Keys are compared as whole public key blobs.
/// <c>@revoked</c> lines refuse their key; <c>@cert-authority</c> lines are ignored (host certificates are not
/// supported, so such a line neither makes a host known nor changes anything). Comments, blank and
/// malformed lines are skipped, as ssh skips them.
/// </summary>
public sealed class KnownHosts
{
    private enum Marker { None, Revoked, CertAuthority }

    private sealed record Entry(Marker Marker, string HostField, string KeyType, byte[] Key, string Source, int Line);

    private readonly List<Entry> _entries;

    private KnownHosts(List<Entry> entries, IReadOnlyList<string> sources)
    {
        _entries = entries;
        Sources = sources;
    }

    /// <summary>The files (or names given to <see cref="Parse"/>) the entries came from, in order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The name a host has in known_hosts: <c>host</c> on port 22, <c>[host]:port</c> otherwise; lower case, as ssh writes it.</summary>
    public static string HostName(string host, int port)
    {
        var lower = host.ToLowerInvariant();
        return port == 22 ? lower : $"[{lower}]:{port}";
    }

    /// <summary>Entries from one text; <paramref name="source"/> names it in results and messages.</summary>
    public static KnownHosts Parse(string text, string source)
    {
        var entries = new List<Entry>();
        AddLines(entries, text, source);
        return new KnownHosts(entries, [source]);
    }

    /// <summary>Entries from the files that exist among <paramref name="paths"/> (a missing file is no error: ssh skips it too).</summary>
    /// <exception cref="IOException">a file exists but cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">a file exists but may not be read.</exception>
    public static KnownHosts Load(IEnumerable<string> paths)
    {
        var entries = new List<Entry>();
        var sources = new List<string>();
        foreach (var path in paths)
        {
            sources.Add(path);
            if (File.Exists(path))
                AddLines(entries, File.ReadAllText(path), path);
        }
        return new KnownHosts(entries, sources);
    }

    /// <summary>Whether <paramref name="key"/> (the public key blob, SSH wire format) is the known key of the host.</summary>
    public KnownHostsCheck Check(string host, int port, ReadOnlySpan<byte> key)
    {
        var name = HostName(host, port);
        var keyType = KeyTypeOf(key);
        Entry? sameType = null, otherType = null;
        foreach (var entry in _entries)
        {
            if (entry.Marker == Marker.Revoked && key.SequenceEqual(entry.Key) && Matches(entry.HostField, name))
                return new KnownHostsCheck(KnownHostStatus.Revoked, entry.Source, entry.Line);
        }
        foreach (var entry in _entries)
        {
            if (entry.Marker != Marker.None || !Matches(entry.HostField, name))
                continue;
            if (key.SequenceEqual(entry.Key))
                return new KnownHostsCheck(KnownHostStatus.Known, entry.Source, entry.Line);
            if (KeyTypeOf(entry.Key) == keyType)
                sameType ??= entry;
            else
                otherType ??= entry;
        }
        if (sameType is not null)
            return new KnownHostsCheck(KnownHostStatus.Changed, sameType.Source, sameType.Line);
        if (otherType is not null)
            return new KnownHostsCheck(KnownHostStatus.OtherTypesKnown, otherType.Source, otherType.Line);
        return new KnownHostsCheck(KnownHostStatus.Unknown, null, 0);
    }

    /// <summary>
    /// The key types (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, ...) known for the host, in file order, so that the
    /// connection can ask the server for one of them, as ssh prefers the host key algorithms it already knows.
    /// </summary>
    public IReadOnlyList<string> KeyTypesFor(string host, int port)
    {
        var name = HostName(host, port);
        var types = new List<string>();
        foreach (var entry in _entries)
        {
            if (entry.Marker == Marker.None && Matches(entry.HostField, name) && !types.Contains(entry.KeyType))
                types.Add(entry.KeyType);
        }
        return types;
    }

    private static void AddLines(List<Entry> entries, string text, string source)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var fields = raw.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
                continue;
            Marker? marker = Marker.None;
            var first = 0;
            if (fields[0].StartsWith('@'))
            {
                marker = fields[0] switch
                {
                    "@revoked" => Marker.Revoked,
                    "@cert-authority" => Marker.CertAuthority,
                    _ => null, // an unknown marker: ssh skips the line
                };
                first = 1;
            }
            if (marker is null)
                continue;
            if (fields.Length < first + 3)
                continue;
            var blob = DecodeBase64(fields[first + 2]);
            if (blob is null || KeyTypeOf(blob) != fields[first + 1])
                continue; // not a key, or a key whose blob contradicts its type: ssh skips it
            entries.Add(new Entry(marker.Value, fields[first], fields[first + 1], blob, source, number));
        }
    }

    private static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) ? buffer[..length] : null;
    }

    /// <summary>The key type written at the start of an SSH public key blob (uint32 length + name), or "" when malformed.</summary>
    internal static string KeyTypeOf(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4)
            return "";
        var length = (uint)(blob[0] << 24 | blob[1] << 16 | blob[2] << 8 | blob[3]);
        if (length == 0 || length > 64 || length > blob.Length - 4)
            return "";
        return Encoding.ASCII.GetString(blob.Slice(4, (int)length));
    }

    /// <summary>Whether a host field names the host: ssh's match_hostname (a negated match wins) or a hashed entry.</summary>
    internal static bool Matches(string hostField, string name)
    {
        if (hostField.StartsWith("|1|", StringComparison.Ordinal))
            return MatchesHashed(hostField, name);
        var positive = false;
        foreach (var pattern in hostField.Split(','))
        {
            if (pattern.Length == 0)
                continue;
            var negated = pattern[0] == '!';
            var body = negated ? pattern[1..] : pattern;
            if (!Glob(body.ToLowerInvariant(), name))
                continue;
            if (negated)
                return false;
            positive = true;
        }
        return positive;
    }

    private static bool MatchesHashed(string hostField, string name)
    {
        var parts = hostField.Split('|');
        if (parts.Length != 4)
            return false;
        var salt = DecodeBase64(parts[2]);
        var hash = DecodeBase64(parts[3]);
        if (salt is null || hash is null || hash.Length != 20)
            return false;
        var actual = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
        return CryptographicOperations.FixedTimeEquals(actual, hash);
    }

    /// <summary>ssh's match_pattern: <c>*</c> any run of characters, <c>?</c> one character, the rest literal.</summary>
    internal static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
