using Renci.SshNet;

namespace Zoo.Hpc.Remote;

/// <summary>
/// Which key exchange algorithms a connection offers the cluster's sshd, in the order it prefers them (the server
/// takes the first of ours it also knows). Without <c>ssh_kex_algorithms</c>, SSH.NET's own list with curve25519
/// first: SSH.NET puts the post-quantum hybrids first (mlkem768x25519, sntrup761x25519), and against the test
/// cluster's OpenSSH 9.2 sntrup761x25519 made each connection about 130 ms slower than curve25519 on an idle machine
/// (300 ms at load 18: it is computed in managed code). curve25519-sha256 is what OpenSSH itself chose before
/// 9.0 and is safe; the hybrids stay in the list, after it, for a server that offers nothing else. An operator who
/// wants post-quantum key exchange lists it in <c>ssh_kex_algorithms</c>, and only what is listed is offered.
/// </summary>
public static class KeyExchangeOrder
{
    /// <summary>Preferred when the operator names none, in this order.</summary>
    public static readonly IReadOnlyList<string> Fastest = ["curve25519-sha256", "curve25519-sha256@libssh.org"];

    /// <summary>The key exchange algorithms SSH.NET implements, in its own order of preference.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        new ConnectionInfo("localhost", "zoo", new NoneAuthenticationMethod("zoo")).KeyExchangeAlgorithms.Keys.ToList();

    /// <summary>The names of <paramref name="wanted"/> that SSH.NET does not implement.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> wanted) =>
        wanted.Where(name => !Supported.Contains(name, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// Reorders <paramref name="algorithms"/> (a connection's, as SSH.NET lists them): the operator's
    /// <paramref name="wanted"/> alone and in its order when given, else <see cref="Fastest"/> first and the rest
    /// as they were.
    /// </summary>
    public static void Apply<T>(IOrderedDictionary<string, T> algorithms, IReadOnlyList<string>? wanted)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var first = wanted ?? Fastest;
        if (wanted is not null)
        {
            foreach (var name in algorithms.Keys.Where(name => !wanted.Contains(name, StringComparer.Ordinal)).ToList())
                algorithms.Remove(name);
        }
        var position = 0;
        foreach (var name in first.Where(algorithms.ContainsKey))
            algorithms.SetPosition(name, position++);
    }
}
