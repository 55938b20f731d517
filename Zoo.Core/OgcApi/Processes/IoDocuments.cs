using System.Globalization;
using System.Text.Json.Nodes;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// The <c>inputs</c> and <c>outputs</c> of a process description, keyed by name in .zcfg order. The standard has no nesting:
/// a WPS 2.0 nested input is listed as its leaves (<c>parent.child</c>), and an output delivered through inner outputs
/// (HPC's download_link, wms_link...) as those inner outputs (<c>out.download_link</c>), the names an execute request gives
/// to ask for them, as WPS 1.0.0's DescribeProcess lists them.
/// </summary>
internal static class IoDocuments
{
    public static JsonObject Inputs(IReadOnlyList<IoDescription> inputs)
    {
        var json = new JsonObject();
        foreach (var (name, input) in Leaves(inputs, ""))
            json[name] = Input(input);
        return json;
    }

    public static JsonObject Outputs(IReadOnlyList<IoDescription> outputs)
    {
        var json = new JsonObject();
        foreach (var output in outputs)
        {
            if (output.Nested.Count == 0)
                json[output.Name] = Output(output);
            else
            {
                foreach (var inner in output.Nested)
                    json[$"{output.Name}.{inner.Name}"] = Output(inner);
            }
        }
        return json;
    }

    private static IEnumerable<(string Name, IoDescription Input)> Leaves(IReadOnlyList<IoDescription> inputs, string prefix)
    {
        foreach (var input in inputs)
        {
            if (input.Nested.Count == 0)
                yield return (prefix + input.Name, input);
            else
            {
                foreach (var leaf in Leaves(input.Nested, prefix + input.Name + "."))
                    yield return leaf;
            }
        }
    }

    /// <summary>minOccurs and maxOccurs only where they differ from the standard's default of 1.</summary>
    private static JsonObject Input(IoDescription input)
    {
        var json = new JsonObject();
        DescriptionParts.AddText(json, input.Title, input.Abstract);
        DescriptionParts.AddMetadata(json, input.Metadata, input.AdditionalParameters);
        if (Integer(input.MinOccurs) is { } min && min != 1)
            json["minOccurs"] = min;
        if (input.Keys["maxOccurs"]?.Trim() is { } max)
        {
            if (max.Equals("unbounded", StringComparison.OrdinalIgnoreCase))
                json["maxOccurs"] = "unbounded";
            else if (Integer(max) is { } count && count != 1)
                json["maxOccurs"] = count;
        }
        AddSchema(json, input, isInput: true);
        return json;
    }

    private static JsonObject Output(IoDescription output)
    {
        var json = new JsonObject();
        DescriptionParts.AddText(json, output.Title, output.Abstract);
        DescriptionParts.AddMetadata(json, output.Metadata, output.AdditionalParameters);
        AddSchema(json, output, isInput: false);
        return json;
    }

    /// <summary>
    /// The schema, and beside it (the standard's schema object is closed, so not inside) ZOO's
    /// <c>contentMaximumMegabytes</c>, the size limit of complex data.
    /// </summary>
    private static void AddSchema(JsonObject json, IoDescription io, bool isInput)
    {
        json["schema"] = io.Data switch
        {
            { Kind: DataKind.Literal } data => LiteralSchema.Of(data, isInput),
            { Kind: DataKind.Complex } data => ComplexSchema.Of(data),
            { Kind: DataKind.BoundingBox } data => BoundingBoxSchema.Of(data),
            _ => new JsonObject(),
        };
        if (io.Data?.Kind == DataKind.Complex && Integer(io.Keys["maximumMegabytes"]) is { } megabytes)
            json["contentMaximumMegabytes"] = megabytes;
    }

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
