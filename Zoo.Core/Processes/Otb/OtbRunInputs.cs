using System.Globalization;
using System.Text;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Files;

namespace Zoo.Core.Processes.Otb;

/// <summary>The inputs of a local run as the application takes them: files for the complex ones, values for the literal ones.</summary>
public static class OtbRunInputs
{
    /// <summary>In input order, without the inputs named like an output (those are the outputs' pixel types).</summary>
    public static List<OtbInput> Gather(ServiceRun run, ZooMaps outputs, string usid, string tmpPath)
    {
        var inputs = new List<OtbInput>();
        foreach (var (name, map) in run.Inputs)
        {
            if (outputs[name] is not null || !IsGiven(name, map, run.Process))
                continue;
            var declared = run.Process.Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
            if (declared?.Data?.Kind == DataKind.Complex)
                inputs.Add(new OtbInput(name, Files(name, map["value"], map["mimeType"], declared.Data.Default?["mimeType"], usid, tmpPath)));
            else if (map["value"] is { } value)
                inputs.Add(new OtbInput(name, Texts(value)));
        }
        return inputs;
    }

    /// <summary>ZOO's rule for what reaches the application: an input given in the request, or one that must be given (minOccurs &gt; 0).</summary>
    public static bool IsGiven(string name, ZooMap map, ProcessDescription process)
    {
        if (string.Equals(map.Text("inRequest"), "true", StringComparison.OrdinalIgnoreCase))
            return true;
        var description = process.Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
        return description is not null
            && int.TryParse(description.MinOccurs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) && min > 0;
    }

    /// <summary>The files the kernel put the input's data in, or, for data held as text or bytes, files written to tmpPath.</summary>
    /// <param name="mimeTypes">the type of each value (a list when the input was given several times).</param>
    private static List<string> Files(string name, MapValue? value, MapValue? mimeTypes, string? declaredMimeType, string usid, string tmpPath)
    {
        var items = Items(value);
        var types = Items(mimeTypes);
        var files = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is FileValue file)
            {
                files.Add(file.Path);
                continue;
            }
            var mimeType = (i < types.Count ? types[i] as TextValue : null)?.Text ?? declaredMimeType ?? "";
            var path = Path.Combine(tmpPath,
                $"input_{name}_{i.ToString(CultureInfo.InvariantCulture)}_{usid}.{OtbOutputFile.Extension(mimeType)}");
            AtomicFile.Write(path, items[i] switch
            {
                BytesValue bytes => bytes.Bytes,
                TextValue text => Encoding.UTF8.GetBytes(text.Text),
                _ => [],
            });
            files.Add(path);
        }
        return files;
    }

    private static IReadOnlyList<MapValue> Items(MapValue? value) => value is ListValue list ? list.Items : value is null ? [] : [value];

    private static List<string> Texts(MapValue value) => value switch
    {
        TextValue text => [text.Text],
        ListValue list => list.Items.SelectMany(Texts).ToList(),
        BytesValue bytes => [Encoding.UTF8.GetString(bytes.Bytes)],
        _ => [],
    };
}
