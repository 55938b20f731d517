using System.Text.Json.Nodes;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.OgcApi.Processes;

/// <summary>
/// The JSON schema of bounding box data (spec/ogcapi.md §3.5): an object with <c>bbox</c> (4 or 6 numbers) and <c>crs</c>
/// (the default CRS, and every CRS the .zcfg names as its enum), in ZOO's <c>ogc-bbox</c> format.
/// </summary>
internal static class BoundingBoxSchema
{
    public static JsonObject Of(DataDescription data)
    {
        var defaultCrs = BoundingBoxCrs.Default(data);
        var crsList = BoundingBoxCrs.Supported(data).Prepend(defaultCrs).Distinct(StringComparer.Ordinal);
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("bbox", "crs"),
            ["properties"] = new JsonObject
            {
                ["bbox"] = new JsonObject
                {
                    ["type"] = "array",
                    ["oneOf"] = new JsonArray(Items(4), Items(6)),
                    ["items"] = new JsonObject { ["type"] = "number", ["format"] = "double" },
                },
                ["crs"] = new JsonObject
                {
                    ["type"] = "string",
                    ["format"] = "uri",
                    ["default"] = defaultCrs,
                    ["enum"] = new JsonArray([.. crsList.Select(crs => (JsonNode)crs)]),
                },
            },
            ["format"] = "ogc-bbox",
        };
    }

    private static JsonObject Items(int count) => new() { ["minItems"] = count, ["maxItems"] = count };
}
