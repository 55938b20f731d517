using Zoo.Core.Configuration;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Settings;

/// <summary>
/// The HPC part of main.cfg for one service: its confId section (<c>[HPC]</c> unless the .zcfg names
/// another) with the size thresholds, and both configurations that section names. Both are read and
/// checked before anything runs, so a broken fullres section is reported even while every job so far
/// has been small enough for preview (ZOO crashes on it, and only when a large input arrives).
/// </summary>
/// <param name="ContainerCommand">
/// The container program DeployOnHpc runs on the cluster (<c>container_command</c>: a name on the cluster's
/// PATH or an absolute path); null lets DeployOnHpc find <c>singularity</c>, else <c>apptainer</c>, there.
/// </param>
public sealed record HpcSettings(
    string ConfId,
    PreviewThresholds Thresholds,
    ClusterConfiguration Preview,
    ClusterConfiguration Fullres,
    CompletionSettings Completion,
    string? ContainerCommand)
{
    public const string DefaultConfId = "HPC";

    /// <summary>The configuration section a job ran with (lenv <c>configId</c>), or null when it is neither.</summary>
    public ClusterConfiguration? Configuration(string sectionName) =>
        string.Equals(sectionName, Preview.SectionName, StringComparison.OrdinalIgnoreCase) ? Preview
        : string.Equals(sectionName, Fullres.SectionName, StringComparison.OrdinalIgnoreCase) ? Fullres
        : null;

    // ZOO's documentation and docker/hpgc/main.cfg spell the key this way; ZOO's code does not read it,
    // so configurations written from the docs silently lost the shared-input rule. We read both.
    internal const string MisspelledPersistentDataPath = "remote_persitent_data_path";
    internal const string PersistentDataPath = "remote_persistent_data_path";

    private const string SbatchOptionPrefix = "sbatch_options_";
    private const int DefaultSshPort = 22;

    /// <exception cref="ConfigurationException">
    /// One exception listing every missing or malformed key, each with its section, or a missing section.
    /// </exception>
    public static HpcSettings Load(MainConfig config, string? confId = null)
    {
        var inspection = Inspect(config, confId);
        return inspection.Settings ?? throw Failure(config, inspection.Problems);
    }

    /// <summary>
    /// Reads as <see cref="Load"/> does, without throwing: the settings when they are complete, each configuration
    /// section that is, every problem, and the keys read in each section (<c>--check-config</c> reports the others).
    /// </summary>
    internal static HpcInspection Inspect(MainConfig config, string? confId = null)
    {
        var id = string.IsNullOrEmpty(confId) ? DefaultConfId : confId;
        var problems = new List<ConfigProblem>();
        var keys = new Dictionary<string, SectionKeys>(StringComparer.OrdinalIgnoreCase);
        if (!config.Document.HasSection(id))
        {
            problems.Add(new ConfigProblem(
                $"[{id}] section is missing (the service's confId names it; {DefaultConfId} when the .zcfg has none)", id, null));
            return new HpcInspection(id, null, [], problems, keys);
        }

        var selection = Reader(config, id, problems, keys);
        var thresholds = new PreviewThresholds(
            selection.RequiredInteger("preview_max_pixels", "the largest raster input (in pixels) the preview configuration takes"),
            selection.RequiredInteger("preview_max_features", "the largest vector input (in features) the preview configuration takes"));
        var previewName = selection.Required("preview_conf", "the name of the section used when every input is small");
        var fullresName = selection.Required("fullres_conf", "the name of the section used when an input exceeds its threshold");

        var preview = previewName is null ? null : ReadConfiguration(config, previewName, "preview_conf", id, problems, keys);
        var fullres = fullresName is null ? null
            : string.Equals(fullresName, previewName, StringComparison.OrdinalIgnoreCase) ? preview
            : ReadConfiguration(config, fullresName, "fullres_conf", id, problems, keys);

        var completion = new CompletionSettings(
            selection.Optional("wait_socket_dir"),
            Seconds(selection, "sacct_poll_interval", CompletionSettings.DefaultPollInterval),
            selection.OptionalBoolean("remote_cleanup", false));
        var containerCommand = ReadContainerCommand(selection);

        var configurations = new[] { preview, fullres }.OfType<ClusterConfiguration>().Distinct().ToList();
        var settings = problems.Count > 0 || preview is null || fullres is null
            ? null
            : new HpcSettings(id, thresholds, preview, fullres, completion, containerCommand);
        return new HpcInspection(id, settings, configurations, problems, keys);
    }

    private static SectionReader Reader(MainConfig config, string name, List<ConfigProblem> problems, Dictionary<string, SectionKeys> keys)
    {
        if (!keys.TryGetValue(name, out var known))
            keys[name] = known = new SectionKeys();
        return new SectionReader(name, config.Document[name], problems, known);
    }

    private static ClusterConfiguration? ReadConfiguration(
        MainConfig config, string name, string namedBy, string confId, List<ConfigProblem> problems, Dictionary<string, SectionKeys> keys)
    {
        if (!config.Document.HasSection(name))
        {
            problems.Add(new ConfigProblem($"[{name}] section is missing ([{confId}] {namedBy} names it)", confId, namedBy));
            return null;
        }
        var section = Reader(config, name, problems, keys);
        var before = problems.Count;

        var host = section.Required("ssh_host", "the host name of the cluster's SSH server");
        var port = section.OptionalInteger("ssh_port", DefaultSshPort, 1, 65535);
        var user = section.Required("ssh_user", "the user to log in as on the cluster");
        var credentials = ReadCredentials(section);
        var hostKey = ReadHostKey(section);
        var keyExchange = ReadKeyExchange(section);
        var connectTimeout = Seconds(section, "ssh_connect_timeout", config.Limits.SshConnectTimeout);
        var dataPath = section.Required("remote_data_path", "the remote directory for inputs and outputs");
        // Both spellings are read, so that both are known keys; the right one wins.
        var persistentPath = section.Optional(PersistentDataPath);
        var misspelledPersistentPath = section.Optional(MisspelledPersistentDataPath);
        var workPath = section.Required("remote_work_path", "the remote directory for job scripts and logs");
        // A relative path is relative to main.cfg, so a deployed cgi-bin carries its own job script parts.
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(config.FilePath))!;
        string? Local(string key) => section.Optional(key) is { } path ? Path.GetFullPath(path, configDirectory) : null;
        var jobScript = new JobScriptFiles(Local("jobscript_header"), Local("jobscript_body"), Local("jobscript_footer"));
        var options = ReadSbatchOptions(section);
        var commandTimeout = Seconds(section, "ssh_command_timeout", config.Limits.SshCommandTimeout);
        // Read before the section may be given up, so that --check-config knows every key of an incomplete section too.
        var substr = section.Optional("sbatch_substr");
        var billing = section.Optional("billing_nb_cpu") ?? "1";
        var commandOpt = section.Optional("remote_command_opt");

        if (problems.Count > before)
            return null;
        return new ClusterConfiguration(
            name,
            new SshSettings(host!, port, user!, credentials!, hostKey, connectTimeout, keyExchange),
            dataPath!,
            persistentPath ?? misspelledPersistentPath,
            workPath!,
            jobScript,
            options,
            substr,
            billing,
            commandOpt,
            commandTimeout);
    }

    private static string? ReadContainerCommand(SectionReader section)
    {
        // It is run as one quoted word: "module load x && singularity" would be a program of that name, found nowhere.
        var command = section.Optional("container_command");
        if (command is not null && command.Any(char.IsWhiteSpace))
            section.Problem("container_command", $"must be one program (a name or a path, without blanks), found \"{command}\"");
        return command;
    }

    private static SshCredentials? ReadCredentials(SectionReader section)
    {
        // ZOO's rule: a password, when set, is used and the key ignored (both read: both are known keys).
        var password = section.Optional("ssh_password");
        var key = section.Optional("ssh_key");
        if (password is not null)
            return new PasswordCredentials(password);
        if (key is not null)
            return KeyFileCredentials.FromSshKey(key);
        section.Problem("ssh_key", "is missing: set ssh_key (the public or private key file) or ssh_password to authenticate");
        return null;
    }

    private static HostKeyVerification ReadHostKey(SectionReader section)
    {
        string? fingerprint = null;
        if (section.Optional("ssh_host_key_fingerprint") is { } text)
        {
            fingerprint = HostKeyVerification.NormalizeFingerprint(text);
            if (fingerprint is null)
                section.Problem("ssh_host_key_fingerprint",
                    $"must be a SHA-256 fingerprint as ssh-keygen -l prints it (SHA256:<base64>), found \"{text}\"");
        }
        return new HostKeyVerification(section.Optional("ssh_known_hosts"), fingerprint);
    }

    /// <summary><c>ssh_kex_algorithms</c>, as OpenSSH's KexAlgorithms lists them; each one SSH.NET implements.</summary>
    private static string? ReadKeyExchange(SectionReader section)
    {
        if (section.Optional("ssh_kex_algorithms") is not { } text)
            return null;
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = KeyExchangeOrder.Unknown(names);
        if (names.Length == 0 || unknown.Count > 0)
        {
            section.Problem("ssh_kex_algorithms", (names.Length == 0 ? "names no key exchange algorithm" : $"names {string.Join(", ", unknown)}, which SSH.NET does not implement")
                + $"; it implements {string.Join(", ", KeyExchangeOrder.Supported)}");
            return null;
        }
        return string.Join(',', names);
    }

    private static List<SbatchOption> ReadSbatchOptions(SectionReader section)
    {
        var options = new List<SbatchOption>();
        foreach (var (key, value) in section.WithPrefix(SbatchOptionPrefix))
        {
            var name = key[SbatchOptionPrefix.Length..];
            if (name.Length == 0)
                section.Problem(key, "names no sbatch option (expected sbatch_options_<option>)");
            else
                options.Add(new SbatchOption(name, value));
        }
        return options;
    }

    private static TimeSpan Seconds(SectionReader section, string key, TimeSpan fallback) =>
        TimeSpan.FromSeconds(section.OptionalInteger(key, (int)fallback.TotalSeconds, 1, 86_400));

    private static ConfigurationException Failure(MainConfig config, IReadOnlyList<ConfigProblem> problems) =>
        new($"{config.FilePath}: the HPC configuration is incomplete:\n  " + string.Join("\n  ", problems.Select(p => p.Text)));
}
