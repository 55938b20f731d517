using System.Globalization;
using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Processes;
using Zoo.Core.Xml;

namespace Zoo.Core.Execution;

/// <summary>
/// Turns the outputs a service left into what the response shows: the outputs asked for (all when
/// none were), each with its value, and stored under tmpPath when asked for by reference, with ZOO's
/// file names <c>ZOO_DATA_&lt;Service&gt;_&lt;Output&gt;_&lt;usid&gt;_&lt;n&gt;.&lt;ext&gt;</c>.
/// </summary>
public static class OutputCollector
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static IReadOnlyList<ProducedOutput> Collect(ProcessDescription process, ZooMaps requested, ZooMaps produced,
        string jobId, OutputStore? store, Limits limits)
    {
        var anyRequested = requested.Any(r => r.Value.Text("inRequest") == "true");
        var outputs = new List<ProducedOutput>();
        var referenceIndex = 0;
        foreach (var declaration in process.Outputs)
        {
            var asked = requested[declaration.Name] ?? new ZooMap();
            if (anyRequested && asked.Text("inRequest") != "true")
                continue;
            var map = Merge(asked, produced[declaration.Name]);
            if (map["value"] is null && map.Text("generated_file") is null)
                throw ExecuteErrors.NoValueForOutput(declaration.Name);
            if (string.Equals(map.Text("asReference"), "true", StringComparison.OrdinalIgnoreCase))
                outputs.Add(new ProducedOutput(declaration, map, Store(process, declaration, map, jobId, referenceIndex++, store)));
            else
                outputs.Add(new ProducedOutput(declaration, map, null, EmbeddedXml(declaration, map, limits)));
        }
        return outputs;
    }

    /// <summary>The bytes of an output: its generated file, its binary value, or its text as UTF-8.</summary>
    public static byte[] Content(ZooMap map) =>
        map.Text("generated_file") is { } file ? File.ReadAllBytes(file) : Content(map["value"]);

    private static byte[] Content(MapValue? value) => value switch
    {
        BytesValue bytes => bytes.Bytes,
        TextValue text => Encoding.UTF8.GetBytes(text.Text),
        FileValue data => File.ReadAllBytes(data.Path),
        ListValue list => Encoding.UTF8.GetBytes(string.Join(',', list.Items.Select(item => Encoding.UTF8.GetString(Content(item))))),
        _ => [],
    };

    /// <summary>An XML output by value, checked once here so that the answer embeds it as it is.</summary>
    private static string? EmbeddedXml(IoDescription declaration, ZooMap map, Limits limits)
    {
        if ((declaration.Data?.Kind ?? DataKind.Complex) != DataKind.Complex || !IsXml(map.Text("mimeType"))
            || string.Equals(map.Text("encoding"), "base64", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return XmlEmbedding.Fragment(StrictUtf8.GetString(Content(map)), limits);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsXml(string? mimeType)
    {
        var bare = mimeType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        return bare is "text/xml" or "application/xml" || bare.EndsWith("+xml", StringComparison.Ordinal);
    }

    private static ZooMap Merge(ZooMap asked, ZooMap? produced)
    {
        var map = asked.Copy();
        foreach (var (key, value) in produced ?? new ZooMap())
            map[key] = value;
        return map;
    }

    private static string Store(ProcessDescription process, IoDescription declaration, ZooMap map, string jobId, int index,
        OutputStore? store)
    {
        if (store is null)
            throw ExecuteErrors.CannotStoreOutput("(no tmpPath)", declaration.Name);
        if (map.Text("generated_file") is { } generated && store.UrlOfFile(generated) is { } generatedUrl)
            return generatedUrl;
        // A service may name the extension; it is part of a file name in tmpPath, so only a plain token is taken.
        var extension = map.Text("extension") is { Length: > 0 and <= 32 } ext && ext.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+')
            ? ext
            : MimeTypes.ExtensionFor(map.Text("mimeType"));
        var name = string.Create(CultureInfo.InvariantCulture,
            $"ZOO_DATA_{process.Name}_{declaration.Name}_{jobId}_{index}.{extension}");
        try
        {
            return store.Store(name, Content(map));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ExecuteErrors.CannotStoreOutput(name, declaration.Name);
        }
    }
}
