using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.OgcApi.Definition;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Operations;

/// <summary><c>GET /conformance</c>: the conformance classes oas.cfg's <c>[conformsTo]</c> declares.</summary>
public static class Conformance
{
    public static CgiResponse Answer(ApiContext context) => JsonResponse.Build(context, 200, Build(context));

    public static JsonObject Build(ApiContext context) => new()
    {
        ["conformsTo"] = new JsonArray(ConformanceClasses.From(context.Oas.Document).Select(c => (JsonNode)c).ToArray()),
    };
}
