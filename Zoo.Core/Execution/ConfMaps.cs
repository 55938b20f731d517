using System.Globalization;
using Zoo.Core.Configuration;
using Zoo.Core.Processes;

namespace Zoo.Core.Execution;

/// <summary>
/// Builds the <c>conf</c> maps a service receives: every main.cfg section, and the runtime sections
/// ZOO adds: [lenv] (the job's identity and status), [renv] (the CGI environment) and [request].
/// </summary>
public static class ConfMaps
{
    /// <summary>Credentials reach services only when the operator forwards them ([security] attributes).</summary>
    private static readonly string[] Credentials = ["HTTP_AUTHORIZATION", "HTTP_COOKIE", "HTTP_PROXY_AUTHORIZATION"];

    public static ZooMaps Build(JobIdentity job, MainConfig config, ServiceEntry entry, Configuration.Zcfg.ProcessDescription process,
        IReadOnlyDictionary<string, string> environment, ConfigValues requestParameters, string serviceUrl, string version,
        string language, bool isAsync)
    {
        var maps = new ZooMaps();
        foreach (var section in config.Document.Sections)
            maps.Set(section.Name, new ZooMap(section.Values));

        var main = maps.GetOrAdd("main");
        main["rversion"] = version;
        main["executionType"] = "xml";
        main["language"] = language;
        main["serverAddress"] = serviceUrl;

        var lenv = maps.GetOrAdd("lenv");
        lenv["usid"] = job.Id;
        lenv["uusid"] = job.Id;
        lenv["osid"] = job.Osid.ToString(CultureInfo.InvariantCulture);
        lenv["sid"] = job.ProcessId.ToString(CultureInfo.InvariantCulture);
        lenv["status"] = "0";
        lenv["message"] = "No message provided";
        lenv["cwd"] = config.ServicePath;
        lenv["Identifier"] = process.Name;
        lenv["oIdentifier"] = entry.Prefix + process.Name;
        lenv["metapath"] = entry.MetaPath;
        lenv["serviceType"] = process.ServiceType ?? "";
        lenv["async"] = isAsync ? "true" : "false";
        lenv["soap"] = "false";

        var forwarded = MainConfig.SplitList(config.Security["attributes"] ?? "")
            .Select(name => "HTTP_" + name.ToUpperInvariant().Replace('-', '_'))
            .ToHashSet(StringComparer.Ordinal);
        var renv = maps.GetOrAdd("renv");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (value.Length > 0 && (!Credentials.Contains(name) || forwarded.Contains(name)))
                renv[name] = value;
        }
        maps.Set("request", new ZooMap(requestParameters));
        return maps;
    }
}
