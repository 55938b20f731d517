using System.Globalization;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Processes;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Execution;

/// <summary>
/// Builds the <c>inputs</c> maps a service receives, with the keys ZOO hands (kernel.md §6), set by the kernel
/// alone (a client's attribute reaches a map only if ZOO's grammar names it and the input's declaration allows it):
/// <list type="bullet">
/// <item>every input: <c>value</c>, <c>inRequest</c>, <c>minOccurs</c>, <c>maxOccurs</c> (and <c>maximumMegabytes</c>,
/// <c>useMapserver</c> when declared), the format or unit asked for, and the defaults of the matching .zcfg block;</item>
/// <item>complex data by value: its input file <c>Input_&lt;name&gt;_&lt;usid&gt;_&lt;n&gt;.&lt;ext&gt;</c>, handed as
/// <c>cache_file</c>, <c>cache_url</c> and <c>byValue</c> unless <c>[main] memory=load</c>; <c>size</c>; <c>base64_value</c>
/// when it came base64 encoded;</item>
/// <item>by reference: <c>xlink:href</c>, <c>href</c>, <c>Reference</c>, <c>Order</c> (its place among the downloads,
/// from 1), <c>origin</c>, <c>size</c>, <c>cache_file</c>, the server's Content-Type as <c>mimeType</c>, and
/// <c>isCached</c> with <c>fmimeType</c> only when the cache served it;</item>
/// <item>several values: <c>value</c>, <c>size</c>, <c>cache_file</c> and the type key as lists, with <c>length</c> and
/// <c>isArray</c>, the other keys of later values as <c>key_n</c>.</item>
/// </list>
/// Data never passes through the kernel: <c>value</c> names the file, which the service's runtime reads.
/// </summary>
public sealed class InputMaps(InputFiles files, bool memoryLoad, OutputStore? urls)
{
    private static readonly string[] ListKeys = ["value", "size", "cache_file", "mimeType", "dataType"];
    private static readonly string[] NumberedKeys = ["Reference", "Order", "xlink:href", "isCached", "fmimeType", "schema", "encoding", "uom", "cache_url", "byValue"];

    /// <param name="fetched">the fetched content of every value given by reference.</param>
    /// <exception cref="Wps.WpsException">complex data given as text in a key=value request is larger than its input allows.</exception>
    public ZooMaps Build(ProcessDescription process, IReadOnlyList<InputValue> values, IReadOnlyDictionary<InputValue, FetchedInput> fetched)
    {
        var maps = new ZooMaps();
        var order = new Dictionary<InputValue, int>(ReferenceEqualityComparer.Instance);
        foreach (var value in values.Where(v => v.Reference is not null))
            order[value] = order.Count + 1;
        foreach (var (name, io) in DeclaredInputs.Of(process).All)
        {
            var given = values.Where(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (given.Count == 0)
            {
                if (io.Data?.Default?["value"] is { } defaultValue)
                    maps.Set(name, DefaultMap(defaultValue, io));
                continue;
            }
            var occurrences = given.Select((value, index) => Occurrence(name, io, value, index, fetched, order)).ToList();
            maps.Set(name, occurrences.Count == 1 ? occurrences[0] : Merged(occurrences));
        }
        return maps;
    }

    private ZooMap Occurrence(string name, IoDescription io, InputValue input, int index,
        IReadOnlyDictionary<InputValue, FetchedInput> fetched, IReadOnlyDictionary<InputValue, int> order)
    {
        var map = new ZooMap();
        if (input.Reference is { } reference)
            Referenced(map, reference.Href, fetched[input], order[input]);
        else if (input.BoundingBox is { } box)
            Box(map, box);
        else if (io.Data?.Kind == DataKind.Literal)
            map["value"] = input.Value ?? "";
        else
            Inline(map, input.Data ?? Store(name, io, input, index), input);
        map["inRequest"] = "true";
        AddDeclared(map, io, input);
        return map;
    }

    private void Inline(ZooMap map, InlineData data, InputValue input)
    {
        map["value"] = new FileValue(data.Path);
        map["size"] = data.Size.ToString(CultureInfo.InvariantCulture);
        if (string.Equals(input.Attributes["encoding"], "base64", StringComparison.OrdinalIgnoreCase))
            map["base64_value"] = new FileValue(data.Path, AsBase64: true);
        if (memoryLoad)
            return;
        map["cache_file"] = data.Path;
        if (urls is not null)
            map["cache_url"] = urls.UrlOf(Path.GetFileName(data.Path));
        map["byValue"] = "true";
    }

    private static void Referenced(ZooMap map, string href, FetchedInput content, int order)
    {
        map["value"] = new FileValue(content.Path);
        map["xlink:href"] = href;
        map["href"] = href;
        map["Reference"] = href;
        map["Order"] = order.ToString(CultureInfo.InvariantCulture);
        map["origin"] = content.Origin;
        map["size"] = content.Size.ToString(CultureInfo.InvariantCulture);
        map["cache_file"] = content.Path;
        if (content.MimeType is { } mimeType)
            map["mimeType"] = mimeType;
        if (content.IsCached)
        {
            map["isCached"] = "true";
            if (content.CachedMimeType is { } cached)
                map["fmimeType"] = cached;
        }
    }

    private static void Box(ZooMap map, BoundingBoxValue box)
    {
        map["lowerCorner"] = box.LowerCorner;
        map["upperCorner"] = box.UpperCorner;
        if (box.Crs is not null)
            map["crs"] = box.Crs;
        if (box.Dimensions is not null)
            map["dimensions"] = box.Dimensions;
        map["value"] = string.Join(',', box.LowerCorner.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(box.UpperCorner.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>Complex data a key=value request gave as text: written to its input file like XML requests' data.</summary>
    private InlineData Store(string name, IoDescription io, InputValue input, int index)
    {
        var mimeType = input.Attributes["mimeType"] ?? io.Data?.Default?["mimeType"];
        using var file = files.Create(io, name, index, mimeType);
        var text = input.Value ?? "";
        if (string.Equals(input.Attributes["encoding"] ?? io.Data?.Default?["encoding"], "base64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                file.Write(Convert.FromBase64String(text.Trim()));
            }
            catch (FormatException)
            {
                throw new Wps.WpsException([ExecuteErrors.NotBase64(name)]);
            }
        }
        else
            file.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return file.Commit(isXml: false) ?? throw new InvalidOperationException("an input file was measured, not written");
    }

    /// <summary>
    /// The keys the declaration gives: the occurrence bounds and ZOO's copied keys, the attributes the client gave
    /// that it allows, then the defaults of the matching format (or the literal's default block) for the rest.
    /// </summary>
    private static void AddDeclared(ZooMap map, IoDescription io, InputValue input)
    {
        map.SetDefault("minOccurs", io.MinOccurs);
        map.SetDefault("maxOccurs", io.MaxOccurs);
        foreach (var key in new[] { "maximumMegabytes", "useMapserver" })
        {
            if (io.Keys[key] is { } value)
                map.SetDefault(key, value);
        }
        var data = io.Data;
        ConfigValues? block;
        if (data?.Kind == DataKind.Complex)
        {
            block = FormatCheck.Match(input.Attributes, data);
            foreach (var key in new[] { "mimeType", "encoding", "schema" })
            {
                if (input.Attributes[key] is { } value)
                    map.SetDefault(key, value);
            }
        }
        else
        {
            block = data?.Default;
            if (input.Attributes["uom"] is { } uom && data is not null && InputChecks.Units(data).Contains(uom, StringComparer.OrdinalIgnoreCase))
                map.SetDefault("uom", uom);
            if (input.Attributes["dataType"] is { } dataType && SameType(dataType, data?.Default?["dataType"]))
                map.SetDefault("dataType", dataType);
            if (input.Attributes["crs"] is { } crs)
                map.SetDefault("crs", crs);
        }
        foreach (var (key, value) in block ?? ConfigValues.Empty)
        {
            if (key is not ("value" or "AllowedValues") && !key.StartsWith("range", StringComparison.OrdinalIgnoreCase))
                map.SetDefault(key, value);
        }
    }

    /// <summary>A client's dataType is kept only when it says what the .zcfg says (with or without the xs: prefix).</summary>
    private static bool SameType(string requested, string? declared) =>
        declared is not null && string.Equals(Bare(requested), Bare(declared), StringComparison.OrdinalIgnoreCase);

    private static string Bare(string dataType)
    {
        var hash = dataType.LastIndexOf('#');
        var colon = dataType.LastIndexOf(':');
        return dataType[(Math.Max(hash, colon) + 1)..];
    }

    private static ZooMap DefaultMap(string value, IoDescription io)
    {
        var map = new ZooMap { ["value"] = value, ["inRequest"] = "false" };
        map.SetDefault("minOccurs", io.MinOccurs);
        map.SetDefault("maxOccurs", io.MaxOccurs);
        foreach (var (key, item) in io.Data?.Default ?? ConfigValues.Empty)
            map.SetDefault(key, item);
        return map;
    }

    /// <summary>Several values of one input, as ZOO hands them.</summary>
    private static ZooMap Merged(IReadOnlyList<ZooMap> occurrences)
    {
        var map = occurrences[0].Copy();
        foreach (var key in ListKeys)
        {
            if (occurrences.Any(o => o.Contains(key)))
                map[key] = new ListValue(occurrences.Select(o => o[key] ?? (MapValue)"").ToList());
        }
        for (var i = 1; i < occurrences.Count; i++)
        {
            foreach (var key in NumberedKeys)
            {
                if (occurrences[i][key] is { } value)
                    map[key + "_" + i.ToString(CultureInfo.InvariantCulture)] = value;
            }
        }
        map["length"] = occurrences.Count.ToString(CultureInfo.InvariantCulture);
        map["isArray"] = "true";
        return map;
    }
}
