using Zoo.Core.Configuration;

namespace Zoo.Core.Callback;

/// <summary>
/// main.cfg's <c>[callback]</c> section, read once: the callback service a job tells about each of its steps.
/// <list type="bullet">
/// <item><c>url</c>: the prefix each step's name is appended to (<c>&lt;url&gt;&lt;step&gt;_&lt;state&gt;/</c>, plain
/// concatenation, as ZOO does: a query string such as <c>callback.py?step=</c> works); no url, no callback.</item>
/// <item><c>prohibited</c>: the services (exact names, comma-separated) that send none, e.g. FinalizeHPC, DeleteData.</item>
/// <item><c>template</c>: the XSLT (ZOO's updateExecute.xsl) that rewrites step 1's Execute request; a relative path
/// is taken from main.cfg's directory.</item>
/// <item><c>timeout</c>: <see cref="Limits.CallbackTimeout"/>.</item>
/// </list>
/// </summary>
public sealed record CallbackSettings(string Url, IReadOnlySet<string> Prohibited, string? Template, TimeSpan Timeout)
{
    /// <summary>The settings, or null when main.cfg names no callback service.</summary>
    /// <exception cref="ConfigurationException">a timeout that is not a positive number of seconds (<see cref="Limits"/>).</exception>
    public static CallbackSettings? From(MainConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.Document["callback"];
        if (section["url"] is not { Length: > 0 } url)
            return null;
        var prohibited = MainConfig.SplitList(section["prohibited"] ?? "").ToHashSet(StringComparer.Ordinal);
        // A relative template lies beside main.cfg, as the rest of an install does.
        var template = section["template"] is { Length: > 0 } named
            ? Path.GetFullPath(named, Path.GetDirectoryName(Path.GetFullPath(config.FilePath))!)
            : null;
        return new CallbackSettings(url, prohibited, template, config.Limits.CallbackTimeout);
    }

    /// <summary>True when the service may tell the callback service about its jobs (checked for every job).</summary>
    public bool Allows(string serviceName) => !Prohibited.Contains(serviceName);

    /// <summary>Where a step goes: ZOO's <c>&lt;url&gt;&lt;step&gt;_&lt;state&gt;/</c>.</summary>
    public string UrlFor(CallbackCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Url + call.Name + "/";
    }
}
