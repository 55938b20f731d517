namespace Zoo.Core.Configuration;

/// <summary>
/// main.cfg as the kernel uses it: the typed [main] keys every request needs, and every section
/// as written, for the parts that read their own (identification, provider, headers, HPC...).
/// </summary>
public sealed record MainConfig(IniDocument Document, string FilePath)
{
    public const string FileName = "main.cfg";

    public ConfigValues Main => Document["main"];
    public ConfigValues Identification => Document["identification"];
    public ConfigValues Provider => Document["provider"];
    public ConfigValues Headers => Document["headers"];
    public ConfigValues Environment => Document["env"];
    public ConfigValues Security => Document["security"];

    /// <summary>The [headers] every answer carries; their <c>status</c> key is a status line, not a header.</summary>
    public IEnumerable<KeyValuePair<string, string>> ExtraHeaders =>
        Headers.Where(h => !h.Key.Equals("status", StringComparison.OrdinalIgnoreCase));

    /// <summary>The WPS version used when a request names none (ZOO's default is 1.0.0).</summary>
    public string DefaultVersion => Main.Get("version", "1.0.0");

    public string Encoding => Main.Get("encoding", "utf-8");

    public string DefaultLanguage => Main.Get("language", "en-US");

    /// <summary>The [main] lang list; the default language alone when it is absent or empty.</summary>
    public IReadOnlyList<string> Languages =>
        SplitList(Main["lang"] ?? "") is { Count: > 0 } list ? list : [DefaultLanguage];

    /// <summary>The bounds of one request (checked when the file is loaded).</summary>
    public Limits Limits => field ??= Limits.From(this);

    public string? TmpPath => Main["tmpPath"];
    public string? TmpUrl => Main["tmpUrl"];
    public string? CacheDir => Main["cacheDir"];

    /// <summary>Where the .zcfg files are: [main] servicePath, else the directory of main.cfg.</summary>
    public string ServicePath =>
        Main["servicePath"] is { Length: > 0 } path ? path : Path.GetDirectoryName(Path.GetFullPath(FilePath))!;

    /// <exception cref="ConfigurationException">a line that is not ini, or a limit that is not a valid number.</exception>
    public static MainConfig Load(string path)
    {
        var config = new MainConfig(IniDocument.Read(path), path);
        _ = config.Limits;
        return config;
    }

    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
