using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Execution;

/// <summary>
/// Builds the <c>outputs</c> maps a service receives: one per declared output with its .zcfg defaults
/// (mimeType, encoding, schema, extension, asReference...), what the request asked for on top, and
/// <c>inRequest=true</c> on the outputs the request named.
/// </summary>
public static class OutputMaps
{
    private static readonly string[] RequestKeys = ["mimeType", "encoding", "schema", "uom"];

    public static ZooMaps Build(ProcessDescription process, ExecuteRequest request)
    {
        var errors = request.Outputs
            .Where(o => !process.Outputs.Any(d => d.Name.Equals(o.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(o => ExecuteErrors.UnknownOutput(o.Name, request.OutputLocator))
            .ToList();
        if (errors.Count > 0)
            throw new WpsException(errors);

        var maps = new ZooMaps();
        foreach (var output in process.Outputs)
        {
            var map = new ZooMap();
            foreach (var (key, value) in output.Data?.Default ?? Configuration.ConfigValues.Empty)
                map[key] = value;
            if (request.Outputs.FirstOrDefault(o => o.Name.Equals(output.Name, StringComparison.OrdinalIgnoreCase)) is { } asked)
            {
                foreach (var key in RequestKeys)
                {
                    if (asked.Attributes[key] is { } value)
                        map[key] = value;
                }
                if (asked.Attributes.Contains("asReference") || asked.Attributes.Contains("transmission"))
                    map["asReference"] = asked.AsReference ? "true" : "false";
                map["inRequest"] = "true";
            }
            maps.Set(output.Name, map);
        }
        return maps;
    }
}
