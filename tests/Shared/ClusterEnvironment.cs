namespace Zoo.Tests.Cluster;

/// <summary>
/// The test cluster's <c>cluster.env</c> (written by ../shared/infra/start-cluster.sh), read from the file rather than
/// the environment so that the tests run from any shell. No file: the test is ignored with a message, except under
/// CI=true, where it fails (CI must not skip the cluster tests silently). Compiled into every test project that
/// talks to the cluster; a project adds what only it needs in its own part.
/// </summary>
public sealed partial class ClusterEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private ClusterEnvironment(string path, IReadOnlyDictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    public string Path { get; }

    public string Host => Get("ZOO_TEST_SSH_HOST");
    public int Port => int.Parse(Get("ZOO_TEST_SSH_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public string User => Get("ZOO_TEST_SSH_USER");
    public string Key => Get("ZOO_TEST_SSH_KEY");
    public string KnownHosts => Get("ZOO_TEST_SSH_KNOWN_HOSTS");
    public string RemoteHome => Get("ZOO_TEST_REMOTE_HOME");
    public string SlurmConf => Get("SLURM_CONF");

    /// <summary>The sshd's host keys as SHA-256 fingerprints (base64, no padding); which one a client sees depends on its algorithm preference.</summary>
    public IReadOnlyList<string> HostKeyFingerprints =>
        [Get("ZOO_TEST_SSH_HOSTKEY_ED25519_SHA256"), Get("ZOO_TEST_SSH_HOSTKEY_RSA_SHA256")];

    public static string FilePath =>
        System.IO.Path.Combine(Environment.GetEnvironmentVariable("ZOO_SLURM_STATE_DIR") is { Length: > 0 } dir ? dir : "/tmp/zoo-slurm", "cluster.env");

    /// <summary>The environment, or the test ends here: ignored (no cluster) or failed (no cluster under CI).</summary>
    public static ClusterEnvironment Require()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            var message = $"no test cluster: {path} does not exist (start it with `sudo bash ../shared/infra/start-cluster.sh`)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message + "; CI=true, so the cluster tests must run");
            Assert.Ignore(message);
        }
        return new ClusterEnvironment(path, Parse(File.ReadAllText(path)));
    }

    /// <summary>Lines <c>export NAME=value</c> or <c>NAME=value</c>, optionally quoted; comments and anything else skipped.</summary>
    private static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line["export ".Length..].TrimStart();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                continue;
            var value = line[(equals + 1)..];
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
                value = value[1..^1];
            values[line[..equals]] = value;
        }
        return values;
    }

    private string Get(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"{Path} has no {name}: restart the cluster with start-cluster.sh");
}
