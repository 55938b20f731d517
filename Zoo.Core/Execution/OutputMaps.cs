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
    // What a client may ask of an output: a format for complex data, a unit for a literal; the rest is not its to set.
    private static readonly string[] FormatKeys = ["mimeType", "encoding", "schema"];
    private static readonly string[] UnitKeys = ["uom"];

    public static ZooMaps Build(ProcessDescription process, ExecuteRequest request)
    {
        var errors = new List<OwsError>();
        foreach (var asked in request.Outputs)
        {
            var declared = process.Outputs.FirstOrDefault(d => d.Name.Equals(asked.Name, StringComparison.OrdinalIgnoreCase));
            if (declared is null)
                errors.Add(ExecuteErrors.UnknownOutput(asked.Name, request.OutputLocator));
            else if (Problem(asked, declared) is { } problem)
                errors.Add(problem);
        }
        if (errors.Count > 0)
            throw new WpsException(errors);

        var maps = new ZooMaps();
        foreach (var output in process.Outputs)
        {
            var map = new ZooMap();
            var asked = request.Outputs.FirstOrDefault(o => o.Name.Equals(output.Name, StringComparison.OrdinalIgnoreCase));
            var block = output.Data?.Kind == DataKind.Complex && asked is not null
                ? FormatCheck.Match(asked.Attributes, output.Data)
                : output.Data?.Default;
            foreach (var (key, value) in block ?? Configuration.ConfigValues.Empty)
                map[key] = value;
            if (asked is not null)
            {
                foreach (var key in output.Data?.Kind is DataKind.Complex or null ? FormatKeys : UnitKeys)
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

    /// <summary>
    /// A format or unit the .zcfg does not declare: refused, since the mime type of a raw output becomes the
    /// answer's Content-Type (ZOO's rule: only the formats a process declares).
    /// </summary>
    private static OwsError? Problem(OutputRequest asked, IoDescription declared) => declared.Data switch
    {
        { Kind: DataKind.Complex } data when FormatCheck.Match(asked.Attributes, data) is null =>
            ExecuteErrors.UnsupportedFormat(declared.Name, asked.Attributes, "output"),
        { Kind: DataKind.Literal } data when asked.Attributes["uom"] is { } uom
                                             && !InputChecks.Units(data).Contains(uom, StringComparer.OrdinalIgnoreCase) =>
            ExecuteErrors.UnsupportedUnit(declared.Name, uom, "output"),
        _ => null,
    };
}
