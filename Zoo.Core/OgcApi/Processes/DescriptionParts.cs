using System.Text.Json.Nodes;
using Zoo.Core.Configuration;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// What processes, inputs and outputs share (the standard's descriptionType): <c>title</c>, <c>description</c>, the
/// <c>&lt;MetaData&gt;</c> block as one metadata link (title, role, href; one value each, as the WPS documents have it)
/// and the <c>&lt;AdditionalParameters&gt;</c> block (its title, role and href, and every other key as a parameter
/// whose comma-separated items are its values).
/// </summary>
internal static class DescriptionParts
{
    private static readonly string[] LinkKeys = ["title", "role", "href"];

    public static void AddText(JsonObject target, string? title, string? description)
    {
        if (title is not null)
            target["title"] = title;
        if (description is not null)
            target["description"] = description;
    }

    public static void AddMetadata(JsonObject target,
        IReadOnlyList<KeyValuePair<string, string>> metadata, IReadOnlyList<KeyValuePair<string, string>> additionalParameters)
    {
        if (Metadata(metadata) is { } links)
            target["metadata"] = links;
        if (AdditionalParameters(additionalParameters) is { } parameters)
            target["additionalParameters"] = parameters;
    }

    private static JsonArray? Metadata(IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        var values = new ConfigValues(metadata);
        var link = LinkOf(values);
        return link.Count == 0 ? null : new JsonArray(link);
    }

    private static JsonObject? AdditionalParameters(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var values = new ConfigValues(pairs);
        var named = values.Where(p => !LinkKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
            return null;
        var parameters = new JsonArray();
        foreach (var (name, value) in named)
        {
            var items = MainConfig.SplitList(value).DefaultIfEmpty(value).Select(item => (JsonNode)item);
            parameters.Add((JsonNode)new JsonObject { ["name"] = name, ["value"] = new JsonArray([.. items]) });
        }
        var block = LinkOf(values);
        block["parameters"] = parameters;
        return block;
    }

    private static JsonObject LinkOf(ConfigValues values)
    {
        var link = new JsonObject();
        foreach (var key in LinkKeys)
        {
            if (values[key] is { } value)
                link[key] = value;
        }
        return link;
    }
}
