using System.Globalization;
using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;
using Zoo.Core.Wps;
using Zoo.Core.Xml;

namespace Zoo.Core.Execution;

/// <summary>
/// Turns the outputs a service left into what the response shows: the outputs asked for (all when none
/// were), each with its value, stored under tmpPath when asked for by reference, with ZOO's file names
/// <c>ZOO_DATA_&lt;Service&gt;_&lt;Output&gt;_&lt;usid&gt;_&lt;n&gt;.&lt;ext&gt;</c>, or published through MapServer when its
/// format says <c>useMapserver=true</c> (then always a reference, to the OGC service its format or mime type
/// chooses). An output with inner outputs delivers its value through each of them: a published one through
/// MapServer (its format's <c>msOgc</c> names the service), the others as the file by reference.
/// </summary>
/// <param name="publisher">null when nothing is to be published (a raw answer sends the data itself).</param>
/// <param name="reads">the GDAL tools started for the outputs to publish (<see cref="ToPublish"/>), if any.</param>
public sealed class OutputCollector(string jobId, OutputStore? store, Limits limits, OutputPublisher? publisher, PublicationReads? reads = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private int _referenceIndex;

    public async Task<IReadOnlyList<ProducedOutput>> CollectAsync(ProcessDescription process, ZooMaps requested, ZooMaps produced,
        CancellationToken cancellationToken)
    {
        var outputs = new List<ProducedOutput>();
        foreach (var (declaration, asked) in Shown(process, requested))
        {
            var map = Merge(asked, produced[declaration.Name]);
            if (map["value"] is null && map.Text("generated_file") is null)
                throw ExecuteErrors.NoValueForOutput(declaration.Name);
            if (declaration.Nested.Count > 0)
                outputs.Add(await WithInnerOutputsAsync(process, declaration, map, cancellationToken));
            else if (publisher is not null && IsTrue(map, "useMapserver"))
                outputs.Add(await PublishedAsync(declaration, map, asked.Text("mimeType"), cancellationToken));
            else if (IsTrue(map, "asReference"))
                outputs.Add(new ProducedOutput(declaration, map, Store(process, declaration, map)));
            else
                outputs.Add(new ProducedOutput(declaration, map, null, EmbeddedXml(declaration, map, limits)));
        }
        return outputs;
    }

    /// <summary>The outputs a run will publish through MapServer, with the mime type of their data, known before it runs.</summary>
    public static IEnumerable<(string Output, string? DataMimeType)> ToPublish(ProcessDescription process, ZooMaps requested) =>
        Shown(process, requested)
            .Where(o => IsTrue(o.Asked, "useMapserver") || o.Declaration.Nested.Any(n => n.Data?.Default?.IsTrue("useMapserver") == true))
            .Select(o => (o.Declaration.Name, DataMimeType(o.Declaration, o.Asked)));

    /// <summary>The outputs the answer shows: those the request named, or all when it named none.</summary>
    private static IEnumerable<(IoDescription Declaration, ZooMap Asked)> Shown(ProcessDescription process, ZooMaps requested)
    {
        var anyRequested = requested.Any(r => r.Value.Text("inRequest") == "true");
        foreach (var declaration in process.Outputs)
        {
            var asked = requested[declaration.Name] ?? new ZooMap();
            if (!anyRequested || asked.Text("inRequest") == "true")
                yield return (declaration, asked);
        }
    }

    /// <summary>As in ZOO, a published output's data is of its format's default type; the requested type only chooses the service.</summary>
    private static string? DataMimeType(IoDescription declaration, ZooMap map) =>
        declaration.Data?.Default?["mimeType"] ?? map.Text("mimeType");

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

    private async Task<ProducedOutput> WithInnerOutputsAsync(ProcessDescription process, IoDescription declaration, ZooMap map,
        CancellationToken cancellationToken)
    {
        // A raw answer sends the output's data: its inner outputs are not made.
        if (publisher is null)
            return new ProducedOutput(declaration, map, null);
        var named = map.Text(OutputMaps.InnerOutputsKey)?.Split(',');
        Publication? publication = null;
        var inner = new List<ProducedOutput>();
        foreach (var child in declaration.Nested.Where(n => named is null || named.Contains(n.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var format = child.Data?.Default ?? ConfigValues.Empty;
            var childMap = map.Copy();
            childMap[OutputMaps.InnerOutputsKey] = null;
            foreach (var (key, value) in format)
                childMap[key] = value;
            if (format.IsTrue("useMapserver"))
            {
                publication ??= await PublishAsync(declaration, map, cancellationToken);
                var service = OgcServiceChoice.For(format["msOgc"], format["mimeType"], publication.Kind);
                var json = OgcServiceChoice.WantsJson(format["mimeType"]);
                inner.Add(new ProducedOutput(child, WithMimeType(childMap, Publication.MimeTypeOf(service, json)),
                    publication.Url(service, json, service == OgcService.Wms ? map.Text("msLayer") : null)) { Publication = publication, Service = service });
            }
            else
                inner.Add(new ProducedOutput(child, childMap, Store(process, declaration, childMap)));
        }
        return new ProducedOutput(declaration, map, null) { Inner = inner };
    }

    /// <summary>
    /// An output published through MapServer: a reference to the service its format or requested mime type chooses
    /// (the one asked for, ZOO's requestedMimeType: a service that labels its output does not change the service).
    /// </summary>
    private async Task<ProducedOutput> PublishedAsync(IoDescription declaration, ZooMap map, string? requestedMimeType,
        CancellationToken cancellationToken)
    {
        var publication = await PublishAsync(declaration, map, cancellationToken);
        var service = OgcServiceChoice.For(map.Text("msOgc"), requestedMimeType, publication.Kind);
        var json = OgcServiceChoice.WantsJson(requestedMimeType);
        return new ProducedOutput(declaration, WithMimeType(map, Publication.MimeTypeOf(service, json)),
            publication.Url(service, json, map.Text("msLayer"))) { Publication = publication, Service = service };
    }

    private async Task<Publication> PublishAsync(IoDescription declaration, ZooMap map, CancellationToken cancellationToken)
    {
        var dataMimeType = DataMimeType(declaration, map);
        string? stored = null;
        try
        {
            var file = map.Text("generated_file") ?? (stored = publisher!.StoreData(declaration.Name, jobId, dataMimeType, Content(map)));
            var element = new PublishedElement(declaration.Name, 0, jobId, file, dataMimeType, declaration.Title, declaration.Abstract,
                map.Text("msStyle"), map.Text("msLayer"), map.Text("msInclude"), map.Text("msOgcVersion"));
            return await publisher!.PublishAsync(element, cancellationToken, reads?.Take(declaration.Name));
        }
        catch (PublicationException e)
        {
            // Data nothing will serve does not stay in dataPath.
            if (stored is not null)
                File.Delete(stored);
            throw new WpsException(e.Code, declaration.Name, e.Message);
        }
    }

    /// <summary>A published output's map, with the type of what its URL answers with (its encoding and schema no longer apply).</summary>
    private static ZooMap WithMimeType(ZooMap map, string mimeType)
    {
        var copy = map.Copy();
        copy["mimeType"] = mimeType;
        copy["encoding"] = null;
        copy["schema"] = null;
        return copy;
    }

    /// <summary>An XML output by value, checked once here so that the answer embeds it as it is.</summary>
    private static string? EmbeddedXml(IoDescription declaration, ZooMap map, Limits limits)
    {
        if ((declaration.Data?.Kind ?? DataKind.Complex) != DataKind.Complex || !MimeTypes.IsXml(map.Text("mimeType"))
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

    private static bool IsTrue(ZooMap map, string key) => string.Equals(map.Text(key), "true", StringComparison.OrdinalIgnoreCase);

    private static ZooMap Merge(ZooMap asked, ZooMap? produced)
    {
        var map = asked.Copy();
        foreach (var (key, value) in produced ?? new ZooMap())
            map[key] = value;
        return map;
    }

    private string Store(ProcessDescription process, IoDescription declaration, ZooMap map)
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
            $"ZOO_DATA_{process.Name}_{declaration.Name}_{jobId}_{_referenceIndex++}.{extension}");
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
