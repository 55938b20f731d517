using System.Globalization;

namespace Zoo.Core.Configuration;

/// <summary>
/// Every bound the kernel puts on one request, in one place, each with its main.cfg key and default. What a
/// request may make the kernel hold, parse, download or wait for is bounded by these, so that no request can
/// take more than a moment of CPU or more than a few tens of MiB of memory before it is answered or refused.
/// A service's own <c>maximumMegabytes</c> (its .zcfg) replaces <see cref="MaximumMegabytes"/> for its inputs; inline
/// data is further bounded by the request body, data by reference by <see cref="FetchMaxBytes"/>.
/// </summary>
/// <param name="MaxRequestBytes">
/// <c>[main] maxRequestBytes</c>, default 64 MiB: the largest request body. A body larger than this is refused
/// (HTTP 413) before it is read; a smaller one is spooled to disk as it arrives, never held whole in memory.
/// </param>
/// <param name="MaxQueryBytes">
/// <c>[main] maxQueryBytes</c>, default 1 MiB: the largest key=value request (query string, or a form-encoded
/// body), which is decoded in memory. Large data belongs in an XML body or a reference.
/// </param>
/// <param name="MaxXmlDepth"><c>[main] maxXmlDepth</c>, default 256 (libxml2's, ZOO's parser): the deepest nesting of an XML request or output.</param>
/// <param name="MaxXmlTokenBytes">
/// <c>[main] maxXmlTokenBytes</c>, default 1 MiB: the longest XML markup (a tag with its attributes, a comment)
/// and the longest literal value, identifier or attribute, which are held in memory. Element content (inline
/// complex data) is streamed and bounded by <c>maximumMegabytes</c> instead.
/// </param>
/// <param name="MaxIdentifiers"><c>[main] maxIdentifiers</c>, default 100: process identifiers in one DescribeProcess (<c>all</c> lists every process).</param>
/// <param name="MaxInputs"><c>[main] maxInputs</c>, default 1000: input values in one Execute (every occurrence counts).</param>
/// <param name="MaxOutputs"><c>[main] maxOutputs</c>, default 100: outputs named in one Execute.</param>
/// <param name="MaximumMegabytes">
/// <c>[main] maximumMegabytes</c>, default 64: the size limit of a complex input (inline or by reference) whose .zcfg
/// sets no <c>maximumMegabytes</c> (ZOO's key).
/// </param>
/// <param name="FetchTimeout"><c>[main] fetchTimeout</c>, default 60 s: one download of an input by reference.</param>
/// <param name="FetchMaxBytes"><c>[main] fetchMaxBytes</c>, default 512 MiB: any download, whatever the input's own limit.</param>
/// <param name="FetchMaxRedirects"><c>[main] fetchMaxRedirects</c>, default 3 (curl's setting in ZOO).</param>
/// <param name="ServiceTimeout"><c>[python] timeout</c>, default 300 s: a service's run, after which its whole process group is killed.</param>
/// <param name="SshConnectTimeout">default 30 s for the HPC sections' <c>ssh_connect_timeout</c>: reaching and logging in to the cluster.</param>
/// <param name="SshCommandTimeout">default 300 s for the HPC sections' <c>ssh_command_timeout</c>: one remote command (sbatch, sacct).</param>
/// <param name="OtbTimeout"><c>[otb] timeout</c>, default <see cref="ServiceTimeout"/>: an OTB application's local run, after which its process group is killed.</param>
/// <param name="CallbackTimeout">
/// <c>[callback] timeout</c>, default 10 s: how long a down or slow callback service may keep a job's worker once the
/// job has ended, all its calls together; each call, and step 1's XSLT rewrite, gives up after as long.
/// </param>
/// <param name="MaxJsonBytes">
/// <c>[main] maxJsonBytes</c>, default 16 MiB: the largest JSON body of an OGC API execute request, which is parsed in
/// memory (inline data included); larger data belongs in a reference (<c>href</c>).
/// </param>
public sealed record Limits(
    long MaxRequestBytes,
    int MaxQueryBytes,
    int MaxXmlDepth,
    int MaxXmlTokenBytes,
    int MaxIdentifiers,
    int MaxInputs,
    int MaxOutputs,
    double MaximumMegabytes,
    TimeSpan FetchTimeout,
    long FetchMaxBytes,
    int FetchMaxRedirects,
    TimeSpan ServiceTimeout,
    TimeSpan SshConnectTimeout,
    TimeSpan SshCommandTimeout,
    TimeSpan OtbTimeout,
    TimeSpan CallbackTimeout,
    long MaxJsonBytes)
{
    private const long MiB = 1024 * 1024;

    public static Limits Defaults { get; } = new(
        MaxRequestBytes: 64 * MiB,
        MaxQueryBytes: (int)MiB,
        MaxXmlDepth: 256,
        MaxXmlTokenBytes: (int)MiB,
        MaxIdentifiers: 100,
        MaxInputs: 1000,
        MaxOutputs: 100,
        MaximumMegabytes: 64,
        FetchTimeout: TimeSpan.FromSeconds(60),
        FetchMaxBytes: 512 * MiB,
        FetchMaxRedirects: 3,
        ServiceTimeout: TimeSpan.FromSeconds(300),
        SshConnectTimeout: TimeSpan.FromSeconds(30),
        SshCommandTimeout: TimeSpan.FromSeconds(300),
        OtbTimeout: TimeSpan.FromSeconds(300),
        CallbackTimeout: TimeSpan.FromSeconds(10),
        MaxJsonBytes: 16 * MiB);

    /// <summary>The largest input, in bytes, that a limit in megabytes (ZOO's <c>maximumMegabytes</c>) allows.</summary>
    public static long BytesOf(double megabytes) => (long)Math.Min(megabytes * MiB, long.MaxValue / 2.0);

    /// <exception cref="ConfigurationException">a key that is set but is not a positive number.</exception>
    public static Limits From(MainConfig config) => From(config, null);

    /// <param name="problems">
    /// when given, each key that is set but is not a valid number is added here and its default used, instead of thrown:
    /// <c>--check-config</c> reports them all.
    /// </param>
    /// <exception cref="ConfigurationException">without a list: a key that is set but is not a positive number.</exception>
    public static Limits From(MainConfig config, ICollection<ConfigProblem>? problems)
    {
        var reader = new Reader(config, problems);
        var defaults = Defaults;
        var serviceTimeout = TimeSpan.FromSeconds(reader.Whole("python", "timeout", (long)defaults.ServiceTimeout.TotalSeconds, 1, 86_400 * 30));
        return new Limits(
            reader.Whole("main", "maxRequestBytes", defaults.MaxRequestBytes, 1),
            (int)reader.Whole("main", "maxQueryBytes", defaults.MaxQueryBytes, 1, int.MaxValue),
            (int)reader.Whole("main", "maxXmlDepth", defaults.MaxXmlDepth, 1, 100_000),
            (int)reader.Whole("main", "maxXmlTokenBytes", defaults.MaxXmlTokenBytes, 1024, int.MaxValue),
            (int)reader.Whole("main", "maxIdentifiers", defaults.MaxIdentifiers, 1, int.MaxValue),
            (int)reader.Whole("main", "maxInputs", defaults.MaxInputs, 1, int.MaxValue),
            (int)reader.Whole("main", "maxOutputs", defaults.MaxOutputs, 1, int.MaxValue),
            reader.Real("main", "maximumMegabytes", defaults.MaximumMegabytes),
            TimeSpan.FromSeconds(reader.Real("main", "fetchTimeout", defaults.FetchTimeout.TotalSeconds)),
            reader.Whole("main", "fetchMaxBytes", defaults.FetchMaxBytes, 1),
            (int)reader.Whole("main", "fetchMaxRedirects", defaults.FetchMaxRedirects, 0, 100),
            serviceTimeout,
            defaults.SshConnectTimeout,
            defaults.SshCommandTimeout,
            TimeSpan.FromSeconds(reader.Whole("otb", "timeout", (long)serviceTimeout.TotalSeconds, 1, 86_400 * 30)),
            TimeSpan.FromSeconds(reader.Real("callback", "timeout", defaults.CallbackTimeout.TotalSeconds, 3600)),
            reader.Whole("main", "maxJsonBytes", defaults.MaxJsonBytes, 1));
    }

    /// <summary>Reads one limit after the other; a bad one is thrown, or collected when there is a list to collect into.</summary>
    private sealed class Reader(MainConfig config, ICollection<ConfigProblem>? problems)
    {
        public long Whole(string section, string key, long fallback, long minimum, long maximum = long.MaxValue)
        {
            if (config.Document[section][key] is not { } text || string.IsNullOrWhiteSpace(text))
                return fallback;
            if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
                return value;
            Invalid(section, key, text, $"a whole number from {minimum.ToString(CultureInfo.InvariantCulture)}");
            return fallback;
        }

        public double Real(string section, string key, double fallback, double maximum = double.MaxValue)
        {
            if (config.Document[section][key] is not { } text || string.IsNullOrWhiteSpace(text))
                return fallback;
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= maximum
                && double.IsFinite(value))
                return value;
            Invalid(section, key, text,
                maximum == double.MaxValue ? "a positive number" : $"a positive number up to {maximum.ToString(CultureInfo.InvariantCulture)}");
            return fallback;
        }

        private void Invalid(string section, string key, string text, string expected)
        {
            var problem = $"{key} must be {expected}, found \"{text}\"";
            if (problems is null)
                throw new ConfigurationException($"{config.FilePath}: {problem}");
            problems.Add(new ConfigProblem($"[{section}] {problem}", section, key));
        }
    }
}
