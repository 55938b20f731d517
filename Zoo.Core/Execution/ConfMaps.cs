using System.Globalization;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Processes;

namespace Zoo.Core.Execution;

/// <summary>
/// Builds the <c>conf</c> maps a service receives: every main.cfg section, and the runtime sections
/// ZOO adds: [lenv] (the job's identity and status), [renv] (the CGI environment) and [request].
/// </summary>
public static class ConfMaps
{
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

        var renv = maps.GetOrAdd("renv");
        foreach (var (name, value) in CredentialVariables.Kept(environment, config).OrderBy(e => e.Key, StringComparer.Ordinal))
            renv[name] = value;
        maps.Set("request", new ZooMap(requestParameters));
        return maps;
    }
}
