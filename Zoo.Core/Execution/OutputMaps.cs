using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Execution;

/// <summary>
/// Builds the <c>outputs</c> maps a service receives: one per declared output with its .zcfg defaults
/// (mimeType, encoding, schema, extension, asReference...), what the request asked for on top, and
/// <c>inRequest=true</c> on the outputs the request named. An inner output is named as WPS 1.0.0 lists it,
/// <c>&lt;output&gt;.&lt;inner&gt;</c>: its output is then asked for, with only the inner outputs named
/// (<see cref="InnerOutputsKey"/>).
/// </summary>
public static class OutputMaps
{
    /// <summary>The inner outputs the request named, as the .zcfg spells them, comma-separated.</summary>
    public const string InnerOutputsKey = "innerOutputs";

    // What a client may ask of an output: a format for complex data, a unit for a literal; the rest is not its to set.
    private static readonly string[] FormatKeys = ["mimeType", "encoding", "schema"];
    private static readonly string[] UnitKeys = ["uom"];

    public static ZooMaps Build(ProcessDescription process, ExecuteRequest request)
    {
        var errors = new List<OwsError>();
        var resolved = new List<(OutputRequest Asked, IoDescription Output, IoDescription? Inner)>();
        foreach (var asked in request.Outputs)
        {
            if (Resolve(process, asked.Name) is not { } target)
                errors.Add(ExecuteErrors.UnknownOutput(asked.Name, request.OutputLocator));
            else if (target.Inner is null && Problem(asked, target.Output) is { } problem)
                errors.Add(problem);
            else
                resolved.Add((asked, target.Output, target.Inner));
        }
        if (errors.Count > 0)
            throw new WpsException(errors);

        var maps = new ZooMaps();
        foreach (var output in process.Outputs)
        {
            var map = new ZooMap();
            var named = resolved.Where(r => ReferenceEquals(r.Output, output)).ToList();
            var asked = named.Where(r => r.Inner is null).Select(r => (OutputRequest?)r.Asked).FirstOrDefault();
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
            }
            if (named.Count > 0)
                map["inRequest"] = "true";
            if (asked is null && named.Count > 0)
                map[InnerOutputsKey] = string.Join(',', named.Select(r => r.Inner!.Name).Distinct());
            maps.Set(output.Name, map);
        }
        return maps;
    }

    /// <summary>The output a request names, and the inner output when it names one (<c>out.download_link</c>).</summary>
    private static (IoDescription Output, IoDescription? Inner)? Resolve(ProcessDescription process, string name)
    {
        if (process.Outputs.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } output)
            return (output, null);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            return null;
        var parent = process.Outputs.FirstOrDefault(d => d.Name.Equals(name[..dot], StringComparison.OrdinalIgnoreCase));
        var inner = parent?.Nested.FirstOrDefault(n => n.Name.Equals(name[(dot + 1)..], StringComparison.OrdinalIgnoreCase));
        return inner is null ? null : (parent!, inner);
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
