using System.Text.Json.Nodes;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// A process as OGC API - Processes presents it (spec/ogcapi.md §3.4, §3.5): the summary /processes lists (read from a
/// .zcfg's header alone) and the description /processes/{id} answers (the summary with inputs and outputs). The process is
/// the one its runner presents (an HPC service only runs asynchronously), and its version and job control are those of
/// the WPS 2.0 documents.
/// </summary>
public static class ProcessDocument
{
    /// <param name="id">the process identifier: its namespace prefix and its .zcfg name.</param>
    /// <param name="links">the summary's links (see <see cref="ProcessLinks"/>).</param>
    public static JsonObject Summary(ProcessDescription process, string id, JsonArray links)
    {
        var json = new JsonObject { ["id"] = id };
        DescriptionParts.AddText(json, process.Title, process.Abstract);
        json["mutable"] = process.Keys["mutable"] is { } mutable && !mutable.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
        json["version"] = ProcessAttributes.Version20(process);
        if (process.Keys["keywords"] is { } keywords && MainConfig.SplitList(keywords) is { Count: > 0 } list)
            json["keywords"] = new JsonArray([.. list.Select(k => (JsonNode)k)]);
        // Metadata after the version, as ZOO orders the members.
        DescriptionParts.AddMetadata(json, process.Metadata, process.AdditionalParameters);
        json["jobControlOptions"] = Words(ProcessAttributes.ApiJobControlOptions(process));
        json["outputTransmission"] = Words(ProcessAttributes.OutputTransmission(process));
        json["links"] = links;
        return json;
    }

    /// <param name="links">the description's links: itself and its execute endpoint (see <see cref="ProcessLinks"/>).</param>
    public static JsonObject Description(ProcessDescription process, string id, JsonArray links)
    {
        var json = Summary(process, id, links);
        json["inputs"] = IoDocuments.Inputs(process.Inputs);
        json["outputs"] = IoDocuments.Outputs(process.Outputs);
        return json;
    }

    private static JsonArray Words(string list) =>
        new([.. list.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => (JsonNode)w)]);
}
