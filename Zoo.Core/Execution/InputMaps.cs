using System.Globalization;
using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Execution;

/// <summary>
/// Builds the <c>inputs</c> maps a service receives, ZOO's way: one map per declared input holding
/// <c>value</c> (a list, with <c>length</c> and <c>isArray</c>, for several values), the attributes
/// the request gave, and the .zcfg defaults for what it left out. Checks what ZOO checks (required
/// inputs, occurrences, unknown names) and the literal values against their declaration.
/// </summary>
public static class InputMaps
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static ZooMaps Build(ProcessDescription process, IReadOnlyList<InputValue> values,
        IReadOnlyDictionary<InputValue, FetchedInput> fetched)
    {
        var errors = new List<OwsError>();
        var declared = Flatten(process.Inputs, "").ToList();
        foreach (var unknown in values.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase)
                     .Where(name => !declared.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))))
            errors.Add(ExecuteErrors.UnknownInput(unknown));

        var maps = new ZooMaps();
        foreach (var (name, io) in declared)
        {
            var given = values.Where(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            var defaults = io.Data?.Default;
            if (given.Count == 0)
            {
                if (defaults?["value"] is { } defaultValue)
                    maps.Set(name, DefaultMap(defaultValue, defaults));
                else if (MinOccurs(io) > 0)
                    errors.Add(ExecuteErrors.MissingInput(name));
                continue;
            }
            var maximum = MaxOccurs(io);
            if (given.Count > maximum)
            {
                errors.Add(ExecuteErrors.TooManyOccurrences(name, maximum));
                continue;
            }
            var map = new ZooMap();
            var items = new List<MapValue>();
            foreach (var value in given)
            {
                var item = ValueOf(value, io, fetched, map, errors);
                if (item is not null)
                    items.Add(item);
            }
            map["value"] = items.Count == 1 ? items[0] : new ListValue(items);
            if (items.Count > 1)
            {
                map["length"] = items.Count.ToString(CultureInfo.InvariantCulture);
                map["isArray"] = "true";
            }
            map["inRequest"] = "true";
            foreach (var (key, value) in defaults ?? ConfigValues.Empty)
            {
                if (key is not ("value" or "AllowedValues") && !key.StartsWith("range", StringComparison.OrdinalIgnoreCase))
                    map.SetDefault(key, value);
            }
            maps.Set(name, map);
        }
        if (errors.Count > 0)
            throw new WpsException(errors);
        return maps;
    }

    /// <summary>Nested (WPS 2.0) inputs reach the service as <c>parent.child</c>.</summary>
    private static IEnumerable<(string Name, IoDescription Io)> Flatten(IReadOnlyList<IoDescription> inputs, string prefix)
    {
        foreach (var input in inputs)
        {
            if (input.NestedInputs.Count > 0)
            {
                foreach (var nested in Flatten(input.NestedInputs, prefix + input.Name + "."))
                    yield return nested;
            }
            else
                yield return (prefix + input.Name, input);
        }
    }

    private static ZooMap DefaultMap(string value, ConfigValues defaults)
    {
        var map = new ZooMap { ["value"] = value };
        foreach (var (key, item) in defaults)
            map.SetDefault(key, item);
        return map;
    }

    /// <summary>One value as the service sees it; its attributes go into the map (the last value's win).</summary>
    private static MapValue? ValueOf(InputValue input, IoDescription io, IReadOnlyDictionary<InputValue, FetchedInput> fetched,
        ZooMap map, List<OwsError> errors)
    {
        foreach (var (key, attribute) in input.Attributes)
            map[key] = attribute;
        if (input.Reference is { } reference)
        {
            var content = fetched[input];
            map["xlink:href"] = reference.Href;
            map["Reference"] = reference.Href;
            map["size"] = content.Content.Length.ToString(CultureInfo.InvariantCulture);
            if (content.MimeType is { } mimeType && !input.Attributes.Contains("mimeType"))
                map["mimeType"] = mimeType;
            if (content.CacheFile is { } cacheFile)
            {
                map["cache_file"] = cacheFile;
                map["isCached"] = "true";
            }
            return TextOrBytes(content.Content);
        }
        if (input.BoundingBox is { } box)
        {
            map["lowerCorner"] = box.LowerCorner;
            map["upperCorner"] = box.UpperCorner;
            if (box.Crs is not null)
                map["crs"] = box.Crs;
            if (box.Dimensions is not null)
                map["dimensions"] = box.Dimensions;
            return string.Join(',', box.LowerCorner.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Concat(box.UpperCorner.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }
        var text = input.Value ?? "";
        if (io.Data?.Kind == DataKind.Literal)
        {
            if (LiteralCheck.Check(input.Name, text, io.Data.Default) is { } error)
                errors.Add(error);
            return text;
        }
        var encoding = input.Attributes["encoding"] ?? io.Data?.Default?["encoding"];
        if (string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var bytes = Convert.FromBase64String(text.Trim());
                map["base64_value"] = text;
                map["size"] = bytes.Length.ToString(CultureInfo.InvariantCulture);
                return new BytesValue(bytes);
            }
            catch (FormatException)
            {
                errors.Add(ExecuteErrors.NotBase64(input.Name));
                return null;
            }
        }
        return text;
    }

    /// <summary>Fetched data reaches a service as text when it is UTF-8, as bytes otherwise.</summary>
    private static MapValue TextOrBytes(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new BytesValue(content);
        }
    }

    private static int MinOccurs(IoDescription io) =>
        int.TryParse(io.MinOccurs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) ? min : 0;

    private static int MaxOccurs(IoDescription io) =>
        int.TryParse(io.MaxOccurs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : 1;
}
