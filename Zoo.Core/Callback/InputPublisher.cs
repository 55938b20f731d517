using System.Globalization;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;

namespace Zoo.Core.Callback;

/// <summary>
/// Publishes through MapServer the inputs whose format says <c>useMapserver=true</c>, each value from its file
/// (its input file, or its cache entry), as ZOO does when it tells the callback service about a job's inputs.
/// Publication only informs the callback service: a value that cannot be published is logged and left out, the
/// job runs on.
/// </summary>
public sealed class InputPublisher(OutputPublisher publisher, TextWriter log)
{
    /// <returns>the publication of each value published, by input name and the value's position.</returns>
    public async Task<IReadOnlyDictionary<(string Name, int Index), Publication>> PublishAsync(ProcessDescription process, ZooMaps inputs,
        string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(inputs);
        var published = new Dictionary<(string Name, int Index), Publication>();
        foreach (var (name, map) in inputs)
        {
            if (!string.Equals(map.Text("useMapserver"), "true", StringComparison.OrdinalIgnoreCase))
                continue;
            var declaration = process.Inputs.FirstOrDefault(i => i.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var files = map["cache_file"] switch
            {
                ListValue list => list.Items.Select(i => (i as TextValue)?.Text).ToList(),
                TextValue text => [text.Text],
                _ => [],
            };
            for (var index = 0; index < files.Count; index++)
            {
                if (files[index] is not { Length: > 0 } file)
                    continue;
                var element = new PublishedElement(name, index, jobId, file, MimeTypeOf(map, index), declaration?.Title, declaration?.Abstract,
                    map.Text("msStyle"), map.Text("msLayer"), map.Text("msInclude"), map.Text("msOgcVersion"));
                try
                {
                    published[(name, index)] = await publisher.PublishAsync(element, cancellationToken).ConfigureAwait(false);
                }
                catch (PublicationException e)
                {
                    log.WriteLine($"callback: input {name} ({index.ToString(CultureInfo.InvariantCulture)}) not published: {e.Message}");
                }
            }
        }
        return published;
    }

    private static string? MimeTypeOf(ZooMap map, int index) => map["mimeType"] switch
    {
        ListValue list => index < list.Items.Count ? (list.Items[index] as TextValue)?.Text : null,
        TextValue text => text.Text,
        _ => null,
    };
}
